//! Answers of the interactive database clients (psql, mysql, redis-cli,
//! mongosh) to the few statements learners type. Anything else gets an
//! honest "beyond the simulation" note.

/// psql's answer to one statement or meta-command.
pub fn psql_answer(q: &str) -> String {
    let t = q.trim().trim_end_matches(';').trim();
    let lower = t.to_ascii_lowercase();
    if lower == "select 1" {
        return " ?column? \n----------\n        1\n(1 row)\n\n".into();
    }
    if lower == "select version()" {
        return "                                                       version                                                       \n---------------------------------------------------------------------------------------------------------------------\n PostgreSQL 15.10 (Debian 15.10-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit\n(1 row)\n\n".into();
    }
    if lower == "\\l" || lower == "\\list" {
        return "                                                List of databases\n   Name    |  Owner   | Encoding |  Collate   |   Ctype    | ICU Locale | Locale Provider |   Access privileges   \n-----------+----------+----------+------------+------------+------------+-----------------+-----------------------\n postgres  | postgres | UTF8     | en_US.utf8 | en_US.utf8 |            | libc            | \n template0 | postgres | UTF8     | en_US.utf8 | en_US.utf8 |            | libc            | =c/postgres          +\n           |          |          |            |            |            |                 | postgres=CTc/postgres\n template1 | postgres | UTF8     | en_US.utf8 | en_US.utf8 |            | libc            | =c/postgres          +\n           |          |          |            |            |            |                 | postgres=CTc/postgres\n(3 rows)\n\n".into();
    }
    if lower == "\\dt" {
        return "Did not find any relations.\n".into();
    }
    if lower.starts_with("create table") {
        return "CREATE TABLE\n".into();
    }
    if lower.starts_with("insert") {
        return "INSERT 0 1\n".into();
    }
    if lower.starts_with("create database") {
        return "CREATE DATABASE\n".into();
    }
    format!("-- baleine: the simulated PostgreSQL only answers SELECT 1, SELECT version(), \\l, \\dt and \\q; \"{t}\" is beyond the simulation.\n")
}

/// mysql's answer to one statement.
pub fn mysql_answer(q: &str) -> String {
    let lower = q.trim().trim_end_matches(';').trim().to_ascii_lowercase();
    if lower == "select 1" {
        return "+---+\n| 1 |\n+---+\n| 1 |\n+---+\n".into();
    }
    if lower == "show databases" {
        return "+--------------------+\n| Database           |\n+--------------------+\n| information_schema |\n| mysql              |\n| performance_schema |\n| sys                |\n+--------------------+\n".into();
    }
    format!("-- baleine: the simulated MySQL only answers SELECT 1 and SHOW DATABASES; \"{}\" is beyond the simulation.\n", q.trim())
}

/// redis-cli's answer to one command line, as a terminal shows it.
pub fn redis_answer(line: &str, store: &mut Vec<(String, String)>) -> String {
    redis_reply(line, store, true)
}

/// One reply of the simulated Redis 7.4. `tty`: redis-cli formats replies
/// for a terminal (`"v"`, `(integer) 1`, `(nil)`); otherwise it prints them
/// raw (redis-cli.c cliFormatReplyRaw: the bare value, an empty line for
/// nil), as with `docker exec c redis-cli get k` without `-t`.
pub fn redis_reply(line: &str, store: &mut Vec<(String, String)>, tty: bool) -> String {
    let parts: Vec<String> = line.split_whitespace().map(|p| p.trim_matches('"').to_string()).collect();
    let Some(cmd) = parts.first().map(|s| s.to_ascii_uppercase()) else { return String::new() };
    let args = &parts[1..];
    let string = |v: &str| if tty { format!("\"{v}\"\n") } else { format!("{v}\n") };
    let int = |n: i64| if tty { format!("(integer) {n}\n") } else { format!("{n}\n") };
    let nil = || if tty { "(nil)\n".to_string() } else { "\n".to_string() };
    let err = |m: String| if tty { format!("(error) {m}\n") } else { format!("{m}\n") };
    let arity = |c: &str| err(format!("ERR wrong number of arguments for '{}' command", c.to_ascii_lowercase()));
    let get = |store: &Vec<(String, String)>, k: &str| store.iter().find(|(sk, _)| sk == k).map(|(_, v)| v.clone());
    match cmd.as_str() {
        "PING" if args.len() <= 1 => match args.first() {
            Some(m) => string(m),
            None => "PONG\n".into(),
        },
        "ECHO" if args.len() == 1 => string(&args[0]),
        "SET" if args.len() >= 2 => {
            store.retain(|(k, _)| *k != args[0]);
            store.push((args[0].clone(), args[1].clone()));
            "OK\n".into()
        }
        "GET" if args.len() == 1 => match get(store, &args[0]) {
            Some(v) => string(&v),
            None => nil(),
        },
        "KEYS" if args.len() == 1 => {
            let pat = args[0].as_str();
            let keys: Vec<&String> = store.iter().map(|(k, _)| k).filter(|k| pat == "*" || match pat.strip_suffix('*') { Some(p) => k.starts_with(p), None => *k == pat }).collect();
            if keys.is_empty() {
                if tty { "(empty array)\n".into() } else { String::new() }
            } else if tty {
                keys.iter().enumerate().map(|(i, k)| format!("{}) \"{k}\"\n", i + 1)).collect()
            } else {
                keys.iter().map(|k| format!("{k}\n")).collect()
            }
        }
        "DEL" | "EXISTS" if !args.is_empty() => {
            let n = args.iter().filter(|a| store.iter().any(|(k, _)| k == *a)).count() as i64;
            if cmd == "DEL" {
                store.retain(|(k, _)| !args.contains(k));
            }
            int(n)
        }
        "INCR" | "DECR" | "INCRBY" | "DECRBY" if args.len() == if cmd.ends_with("BY") { 2 } else { 1 } => {
            let by: i64 = match cmd.as_str() {
                "INCR" => 1,
                "DECR" => -1,
                _ => match args[1].parse::<i64>() {
                    Ok(n) if cmd == "INCRBY" => n,
                    Ok(n) => n.saturating_neg(),
                    Err(_) => return err("ERR value is not an integer or out of range".into()),
                },
            };
            let cur = match get(store, &args[0]) {
                Some(v) => match v.parse::<i64>() {
                    Ok(n) => n,
                    Err(_) => return err("ERR value is not an integer or out of range".into()),
                },
                None => 0,
            };
            let Some(n) = cur.checked_add(by) else { return err("ERR increment or decrement would overflow".into()) };
            store.retain(|(k, _)| *k != args[0]);
            store.push((args[0].clone(), n.to_string()));
            int(n)
        }
        "DBSIZE" if args.is_empty() => int(store.len() as i64),
        "FLUSHALL" | "FLUSHDB" => {
            store.clear();
            "OK\n".into()
        }
        "PING" | "ECHO" | "SET" | "GET" | "KEYS" | "DEL" | "EXISTS" | "INCR" | "DECR" | "INCRBY" | "DECRBY" | "DBSIZE" => arity(&cmd),
        _ => {
            // Beyond the few commands simulated: say so rather than invent.
            let shown: String = args.iter().map(|a| format!("'{a}' ")).collect();
            format!("(error) ERR baleine: the simulated redis does not implement '{}' (args: {})\n", parts[0], shown.trim_end())
        }
    }
}

/// Where the simulated Redis keeps its keys in the server's file system:
/// with `--appendonly yes` the AOF incr file (Redis 7 appends each write
/// there as RESP), otherwise /data/dump.rdb.
fn redis_store_path(forest: &mut baleine_vfs::Forest, view: &baleine_vfs::FsView) -> &'static str {
    use baleine_vfs::Fs;
    if forest.mounted(view).list("/data/appendonlydir").is_ok() {
        "/data/appendonlydir/appendonly.aof.1.incr.aof"
    } else {
        "/data/dump.rdb"
    }
}

/// The keys held by the Redis server running in container `cid`.
pub fn redis_store_load(world: &mut crate::world::World, cid: &str) -> Vec<(String, String)> {
    use baleine_vfs::Fs;
    let Some(view) = crate::network::view_of(world, cid) else { return Vec::new() };
    let path = redis_store_path(&mut world.forest, &view);
    let text = world.forest.mounted(&view).read_text(path).unwrap_or_default();
    // RESP: *3 $3 SET $k key $v value, one element a line.
    let lines: Vec<&str> = text.split("\r\n").collect();
    let mut store: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(n) = lines[i].strip_prefix('*').and_then(|n| n.parse::<usize>().ok()) else {
            i += 1;
            continue;
        };
        let elems: Vec<String> = (0..n).filter_map(|j| lines.get(i + 2 + 2 * j).map(|s| s.to_string())).collect();
        i += 1 + 2 * n;
        if elems.len() == 3 && elems[0].eq_ignore_ascii_case("set") {
            store.retain(|(k, _)| *k != elems[1]);
            store.push((elems[1].clone(), elems[2].clone()));
        }
    }
    store
}

/// Saves the keys of the Redis server in container `cid`.
pub fn redis_store_save(world: &mut crate::world::World, cid: &str, store: &[(String, String)]) {
    use baleine_vfs::Fs;
    let Some(view) = crate::network::view_of(world, cid) else { return };
    let path = redis_store_path(&mut world.forest, &view);
    let mut text = String::from(if path.ends_with(".rdb") { "REDIS0012" } else { "" });
    text.push_str("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n");
    for (k, v) in store {
        text.push_str(&format!("*3\r\n$3\r\nset\r\n${}\r\n{k}\r\n${}\r\n{v}\r\n", k.len(), v.len()));
    }
    let mut fs = world.forest.mounted(&view);
    let _ = fs.mkdir("/data", true);
    let _ = fs.write_text(path, &text);
}
