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

// ---------------------------------------------------------------------
// The simulated PostgreSQL's catalogue: databases, tables, their columns
// and rows, kept as a small text file in the server's data directory (so
// that it lives in the volume and survives restarts). The entrypoint's
// init scripts and psql both run their statements through `PgCatalog`.
// ---------------------------------------------------------------------

/// Name of the catalogue file inside PGDATA.
pub const PG_CATALOG_FILE: &str = "baleine_catalog";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PgColumn {
    pub name: String,
    /// As format_type prints it ("integer", "character varying(100)").
    pub ty: String,
    pub not_null: bool,
    pub default: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PgTable {
    pub db: String,
    pub name: String,
    pub owner: String,
    pub columns: Vec<PgColumn>,
    pub primary_key: Vec<String>,
    pub unique: Vec<String>,
    /// Last value handed out by the table's serial column.
    pub serial: i64,
    pub rows: Vec<Vec<Option<String>>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PgCatalog {
    /// (name, owner)
    pub databases: Vec<(String, String)>,
    pub tables: Vec<PgTable>,
}

fn pg_esc(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n")
}

fn pg_unesc(s: &str) -> String {
    let mut o = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('t') => o.push('\t'),
                Some('n') => o.push('\n'),
                Some(x) => o.push(x),
                None => {}
            }
        } else {
            o.push(c);
        }
    }
    o
}

/// One statement's outcome: what psql prints on stdout and stderr, and
/// whether the server accepted it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PgResult {
    pub out: String,
    pub err: String,
    pub ok: bool,
}

impl PgCatalog {
    /// What initdb leaves: postgres, template0 and template1, owned by the
    /// bootstrap superuser (POSTGRES_USER).
    pub fn fresh(superuser: &str) -> PgCatalog {
        PgCatalog { databases: ["postgres", "template0", "template1"].iter().map(|d| (d.to_string(), superuser.to_string())).collect(), tables: Vec::new() }
    }

    pub fn parse(text: &str) -> PgCatalog {
        let mut c = PgCatalog::default();
        for line in text.lines() {
            let f: Vec<String> = line.split('\t').map(pg_unesc).collect();
            let g = |i: usize| f.get(i).cloned().unwrap_or_default();
            match f.first().map(String::as_str) {
                Some("D") => c.databases.push((g(1), g(2))),
                Some("T") => c.tables.push(PgTable {
                    db: g(1),
                    name: g(2),
                    owner: g(3),
                    serial: g(4).parse().unwrap_or(0),
                    primary_key: g(5).split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
                    unique: g(6).split(',').filter(|s| !s.is_empty()).map(str::to_string).collect(),
                    ..Default::default()
                }),
                Some("C") => {
                    if let Some(t) = c.tables.last_mut() {
                        t.columns.push(PgColumn { name: g(1), ty: g(2), not_null: g(3) == "1", default: if line.split('\t').nth(4).is_some_and(|raw| raw != "\\N") { Some(g(4)) } else { None } });
                    }
                }
                Some("R") => {
                    if let Some(t) = c.tables.last_mut() {
                        t.rows.push(line.split('\t').skip(1).map(|v| if v == "\\N" { None } else { Some(pg_unesc(v)) }).collect());
                    }
                }
                _ => {}
            }
        }
        c
    }

    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for (d, o) in &self.databases {
            s.push_str(&format!("D\t{}\t{}\n", pg_esc(d), pg_esc(o)));
        }
        for t in &self.tables {
            s.push_str(&format!("T\t{}\t{}\t{}\t{}\t{}\t{}\n", pg_esc(&t.db), pg_esc(&t.name), pg_esc(&t.owner), t.serial, pg_esc(&t.primary_key.join(",")), pg_esc(&t.unique.join(","))));
            for c in &t.columns {
                s.push_str(&format!("C\t{}\t{}\t{}\t{}\n", pg_esc(&c.name), pg_esc(&c.ty), if c.not_null { 1 } else { 0 }, c.default.as_deref().map(pg_esc).unwrap_or_else(|| "\\N".into())));
            }
            for r in &t.rows {
                let cells: Vec<String> = r.iter().map(|v| v.as_deref().map(|x| if x == "\\N" { "\\\\N".to_string() } else { pg_esc(x) }).unwrap_or_else(|| "\\N".into())).collect();
                s.push_str(&format!("R\t{}\n", cells.join("\t")));
            }
        }
        s
    }

    pub fn has_db(&self, db: &str) -> bool {
        self.databases.iter().any(|(d, _)| d == db)
    }

    fn table(&self, db: &str, name: &str) -> Option<usize> {
        self.tables.iter().position(|t| t.db == db && t.name == name)
    }

    /// Runs a script (one or more statements, `--` comments) as `user` on
    /// `db`, as psql does with -c or -f: every result is printed; with
    /// `stop_on_error` (ON_ERROR_STOP) the first error ends the script.
    pub fn run_script(&mut self, db: &str, user: &str, sql: &str, stop_on_error: bool) -> PgResult {
        let mut all = PgResult { ok: true, ..Default::default() };
        for stmt in split_sql(sql) {
            let r = self.run_one(db, user, &stmt);
            all.out.push_str(&r.out);
            all.err.push_str(&r.err);
            if !r.ok {
                all.ok = false;
                if stop_on_error {
                    break;
                }
            }
        }
        all
    }

    fn run_one(&mut self, db: &str, user: &str, stmt: &str) -> PgResult {
        let t = stmt.trim();
        let lower = t.to_ascii_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let ok = |s: String| PgResult { out: s, err: String::new(), ok: true };
        if t.starts_with('\\') {
            return self.meta(db, t);
        }
        match words.as_slice() {
            ["select", "1"] => return ok(" ?column? \n----------\n        1\n(1 row)\n\n".into()),
            ["select", "version()"] => return ok(psql_answer("select version()")),
            ["select", "current_database()"] => return ok(pg_table(None, &["current_database"], &[], &[vec![db.to_string()]], true)),
            ["select", "current_user"] => return ok(pg_table(None, &["current_user"], &[], &[vec![user.to_string()]], true)),
            ["select", "now()"] => return ok(pg_table(None, &["now"], &[], &[vec![PG_NOW.to_string() + "+00"]], true)),
            _ => {}
        }
        if words.first() == Some(&"create") && words.get(1) == Some(&"database") {
            let name = ident(t.split_whitespace().nth(2).unwrap_or(""));
            if self.has_db(&name) {
                return pg_error(&format!("database \"{name}\" already exists"), None);
            }
            self.databases.push((name, user.to_string()));
            return ok("CREATE DATABASE\n".into());
        }
        if words.first() == Some(&"drop") && words.get(1) == Some(&"database") {
            let if_exists = words.get(2) == Some(&"if") && words.get(3) == Some(&"exists");
            let name = ident(t.split_whitespace().nth(if if_exists { 4 } else { 2 }).unwrap_or(""));
            if name == db {
                return pg_error("cannot drop the currently open database", None);
            }
            if !self.has_db(&name) {
                if if_exists {
                    return PgResult { out: "DROP DATABASE\n".into(), err: format!("NOTICE:  database \"{name}\" does not exist, skipping\n"), ok: true };
                }
                return pg_error(&format!("database \"{name}\" does not exist"), None);
            }
            self.databases.retain(|(d, _)| *d != name);
            self.tables.retain(|tb| tb.db != name);
            return ok("DROP DATABASE\n".into());
        }
        if words.first() == Some(&"create") && words.get(1) == Some(&"table") {
            return self.create_table(db, user, t);
        }
        if words.first() == Some(&"drop") && words.get(1) == Some(&"table") {
            let if_exists = words.get(2) == Some(&"if") && words.get(3) == Some(&"exists");
            let names: Vec<String> = t.split_whitespace().skip(if if_exists { 4 } else { 2 }).collect::<Vec<_>>().join(" ").split(',').map(|n| ident(n.trim().trim_end_matches(" cascade").trim())).filter(|n| !n.is_empty()).collect();
            let mut res = PgResult { out: String::new(), err: String::new(), ok: true };
            for n in &names {
                if self.table(db, n).is_none() {
                    if !if_exists {
                        return pg_error(&format!("table \"{n}\" does not exist"), None);
                    }
                    res.err.push_str(&format!("NOTICE:  table \"{n}\" does not exist, skipping\n"));
                }
            }
            self.tables.retain(|tb| !(tb.db == db && names.contains(&tb.name)));
            res.out = "DROP TABLE\n".into();
            return res;
        }
        if words.first() == Some(&"insert") && words.get(1) == Some(&"into") {
            return self.insert(db, t);
        }
        if words.first() == Some(&"select") {
            if let Some(r) = self.select(db, t) {
                return r;
            }
        }
        if words.first() == Some(&"delete") && words.get(1) == Some(&"from") && words.len() == 3 {
            let name = ident(t.split_whitespace().nth(2).unwrap_or(""));
            let Some(i) = self.table(db, &name) else { return relation_missing(t, &name) };
            let n = self.tables[i].rows.len();
            self.tables[i].rows.clear();
            return ok(format!("DELETE {n}\n"));
        }
        if matches!(words.first(), Some(&"begin") | Some(&"commit")) && words.len() == 1 {
            return ok(format!("{}\n", words[0].to_ascii_uppercase()));
        }
        PgResult { out: String::new(), err: format!("baleine: the simulated PostgreSQL does not evaluate \"{t}\" (it knows CREATE/DROP TABLE, CREATE DATABASE, INSERT, simple SELECTs, \\l, \\dt and \\d).\n"), ok: false }
    }

    fn meta(&self, db: &str, t: &str) -> PgResult {
        let mut parts = t.split_whitespace();
        let cmd = parts.next().unwrap_or("");
        let arg = parts.next().map(ident);
        let ok = |s: String| PgResult { out: s, err: String::new(), ok: true };
        match (cmd, arg) {
            ("\\l" | "\\list" | "\\l+", _) => ok(self.list_databases()),
            ("\\dt" | "\\d", None) => {
                let mut rows: Vec<Vec<String>> = Vec::new();
                for tb in self.tables.iter().filter(|tb| tb.db == db) {
                    rows.push(vec!["public".into(), tb.name.clone(), "table".into(), tb.owner.clone()]);
                    if cmd == "\\d" {
                        for c in tb.columns.iter().filter(|c| c.default.as_deref().is_some_and(|d| d.starts_with("nextval("))) {
                            rows.push(vec!["public".into(), format!("{}_{}_seq", tb.name, c.name), "sequence".into(), tb.owner.clone()]);
                        }
                    }
                }
                if rows.is_empty() {
                    return ok("Did not find any relations.\n".into());
                }
                baleine_util::sort_by_key(&mut rows, |r| r.get(1).cloned().unwrap_or_default());
                ok(pg_table(Some("List of relations"), &["Schema", "Name", "Type", "Owner"], &[], &rows, true))
            }
            ("\\dt" | "\\d", Some(name)) => match self.table(db, &name) {
                Some(i) if cmd == "\\d" => ok(self.describe(i)),
                Some(i) => {
                    let tb = &self.tables[i];
                    ok(pg_table(Some("List of relations"), &["Schema", "Name", "Type", "Owner"], &[], &[vec!["public".into(), tb.name.clone(), "table".into(), tb.owner.clone()]], true))
                }
                None => ok(format!("Did not find any relation named \"{name}\".\n")),
            },
            ("\\conninfo", _) | ("\\c", _) | ("\\connect", _) => PgResult { out: String::new(), err: format!("baleine: the simulated psql does not support {cmd} here.\n"), ok: false },
            _ => PgResult { out: String::new(), err: format!("invalid command {cmd}\nTry \\? for help.\n"), ok: false },
        }
    }

    fn list_databases(&self) -> String {
        let mut dbs = self.databases.clone();
        baleine_util::sort_by_key(&mut dbs, |d| d.0.clone());
        let rows: Vec<Vec<String>> = dbs
            .iter()
            .map(|(d, o)| {
                let acl = if d == "template0" || d == "template1" { format!("=c/{o}\n{o}=CTc/{o}") } else { String::new() };
                vec![d.clone(), o.clone(), "UTF8".into(), "en_US.utf8".into(), "en_US.utf8".into(), String::new(), "libc".into(), acl]
            })
            .collect();
        pg_table(Some("List of databases"), &["Name", "Owner", "Encoding", "Collate", "Ctype", "ICU Locale", "Locale Provider", "Access privileges"], &[], &rows, true)
    }

    fn describe(&self, i: usize) -> String {
        let tb = &self.tables[i];
        let rows: Vec<Vec<String>> = tb.columns.iter().map(|c| vec![c.name.clone(), c.ty.clone(), String::new(), if c.not_null { "not null".into() } else { String::new() }, c.default.clone().unwrap_or_default()]).collect();
        let mut s = pg_table(Some(&format!("Table \"public.{}\"", tb.name)), &["Column", "Type", "Collation", "Nullable", "Default"], &[], &rows, false);
        // describeOneTableDetails: the footers come before the table's
        // final empty line.
        s.pop();
        let mut idx = Vec::new();
        if !tb.primary_key.is_empty() {
            idx.push(format!("    \"{}_pkey\" PRIMARY KEY, btree ({})", tb.name, tb.primary_key.join(", ")));
        }
        for u in &tb.unique {
            idx.push(format!("    \"{}_{}_key\" UNIQUE CONSTRAINT, btree ({u})", tb.name, u));
        }
        if !idx.is_empty() {
            s.push_str("Indexes:\n");
            for l in idx {
                s.push_str(&l);
                s.push('\n');
            }
        }
        s.push('\n');
        s
    }

    fn create_table(&mut self, db: &str, user: &str, t: &str) -> PgResult {
        let Some(open) = t.find('(') else { return syntax_error(t, t.len()) };
        let head: Vec<&str> = t[..open].split_whitespace().collect();
        let if_not_exists = head.len() >= 6 && head[2].eq_ignore_ascii_case("if");
        let name = ident(head.last().copied().unwrap_or(""));
        let name = name.strip_prefix("public.").unwrap_or(&name).to_string();
        let Some(close) = t.rfind(')') else { return syntax_error(t, t.len()) };
        if close <= open {
            return syntax_error(t, t.len());
        }
        if self.table(db, &name).is_some() {
            if if_not_exists {
                return PgResult { out: "CREATE TABLE\n".into(), err: format!("NOTICE:  relation \"{name}\" already exists, skipping\n"), ok: true };
            }
            return pg_error(&format!("relation \"{name}\" already exists"), None);
        }
        let mut tb = PgTable { db: db.to_string(), name: name.clone(), owner: user.to_string(), ..Default::default() };
        for item in split_top(&t[open + 1..close], ',') {
            let item = item.trim();
            let lw = item.to_ascii_lowercase();
            if lw.starts_with("primary key") || lw.starts_with("unique") || lw.starts_with("constraint") || lw.starts_with("foreign key") || lw.starts_with("check") {
                if let (Some(a), Some(b)) = (item.find('('), item.find(')')) {
                    if a < b {
                        let cols: Vec<String> = item[a + 1..b].split(',').map(ident).collect();
                        if lw.starts_with("primary key") {
                            tb.primary_key = cols;
                        } else if lw.starts_with("unique") {
                            tb.unique.push(cols.join(", "));
                        }
                    }
                }
                continue;
            }
            let mut w = item.split_whitespace();
            let cname = ident(w.next().unwrap_or(""));
            let rest: Vec<&str> = w.collect();
            let rest_l = rest.join(" ").to_ascii_lowercase();
            let (ty, serial) = pg_type(&rest_l);
            let Some(ty) = ty else {
                let word = rest.first().copied().unwrap_or("");
                return pg_error(&format!("type \"{}\" does not exist", word.to_ascii_lowercase().split('(').next().unwrap_or("")), Some((t, t.find(word).unwrap_or(0))));
            };
            let mut col = PgColumn { name: cname.clone(), ty, not_null: serial || rest_l.contains("not null"), default: None };
            if serial {
                col.default = Some(format!("nextval('{name}_{cname}_seq'::regclass)"));
            }
            if let Some(p) = rest_l.find("default ") {
                let d = &rest.join(" ")[p + 8..];
                let end = ["not null", "primary key", "unique", "references", "check", "null"].iter().filter_map(|k| d.to_ascii_lowercase().find(k)).min().unwrap_or(d.len());
                let d = d[..end].trim();
                let shown = match d.to_ascii_lowercase().as_str() {
                    "current_timestamp" => "CURRENT_TIMESTAMP".to_string(),
                    "now()" => "now()".to_string(),
                    "true" => "true".to_string(),
                    "false" => "false".to_string(),
                    _ if d.starts_with('\'') => format!("{d}::{}", col.ty.split('(').next().unwrap_or(&col.ty)),
                    _ => d.to_string(),
                };
                col.default = Some(shown);
            }
            if rest_l.contains("primary key") {
                tb.primary_key = vec![cname.clone()];
                col.not_null = true;
            } else if rest_l.contains("unique") {
                tb.unique.push(cname.clone());
            }
            tb.columns.push(col);
        }
        for pk in tb.primary_key.clone() {
            if let Some(c) = tb.columns.iter_mut().find(|c| c.name == pk) {
                c.not_null = true;
            }
        }
        self.tables.push(tb);
        PgResult { out: "CREATE TABLE\n".into(), err: String::new(), ok: true }
    }

    fn insert(&mut self, db: &str, t: &str) -> PgResult {
        let after = t.split_whitespace().nth(2).unwrap_or("");
        let name_raw = after.split('(').next().unwrap_or("");
        let name = ident(name_raw);
        let Some(i) = self.table(db, &name) else { return relation_missing(t, name_raw) };
        let lower = t.to_ascii_lowercase();
        let Some(vpos) = lower.find("values") else { return syntax_error(t, t.len()) };
        let head = &t[..vpos];
        let cols: Vec<String> = match (head.find('('), head.rfind(')')) {
            (Some(a), Some(b)) if a < b => head[a + 1..b].split(',').map(ident).collect(),
            _ => self.tables[i].columns.iter().map(|c| c.name.clone()).collect(),
        };
        for c in &cols {
            if !self.tables[i].columns.iter().any(|k| k.name == *c) {
                return pg_error(&format!("column \"{c}\" of relation \"{name}\" does not exist"), Some((t, t.find(c.as_str()).unwrap_or(0))));
            }
        }
        let mut new_rows = Vec::new();
        let mut serial = self.tables[i].serial;
        for tuple in split_top(&t[vpos + 6..], ',') {
            let tuple = tuple.trim();
            let inner = tuple.strip_prefix('(').and_then(|x| x.strip_suffix(')'));
            let Some(inner) = inner else { return syntax_error(t, t.len()) };
            let vals: Vec<Option<String>> = split_top(inner, ',').iter().map(|v| sql_value(v.trim())).collect();
            if vals.len() > cols.len() {
                return pg_error("INSERT has more expressions than target columns", None);
            }
            if vals.len() < cols.len() {
                return pg_error("INSERT has more target columns than expressions", None);
            }
            let mut row = Vec::new();
            for c in &self.tables[i].columns {
                let v = match cols.iter().position(|k| *k == c.name) {
                    Some(p) => vals.get(p).cloned().flatten(),
                    None => match c.default.as_deref() {
                        Some(d) if d.starts_with("nextval(") => {
                            serial += 1;
                            Some(serial.to_string())
                        }
                        Some("CURRENT_TIMESTAMP") | Some("now()") => Some(PG_NOW.to_string()),
                        Some(d) => Some(d.split("::").next().unwrap_or(d).trim_matches('\'').to_string()),
                        None => None,
                    },
                };
                if v.is_none() && c.not_null {
                    return pg_error(&format!("null value in column \"{}\" of relation \"{name}\" violates not-null constraint", c.name), None);
                }
                let v = if c.ty == "boolean" { v.map(|b| if matches!(b.to_ascii_lowercase().as_str(), "true" | "t" | "1" | "yes" | "on") { "t".into() } else { "f".into() }) } else { v };
                row.push(v);
            }
            new_rows.push(row);
        }
        let n = new_rows.len();
        self.tables[i].serial = serial;
        self.tables[i].rows.extend(new_rows);
        PgResult { out: format!("INSERT 0 {n}\n"), err: String::new(), ok: true }
    }

    fn select(&self, db: &str, t: &str) -> Option<PgResult> {
        let lower = t.to_ascii_lowercase();
        let from = lower.find(" from ")?;
        let what = t[6..from].trim();
        let tail: Vec<&str> = t[from + 6..].split_whitespace().collect();
        let name_raw = *tail.first()?;
        if tail.len() > 1 {
            return None;
        }
        let name = ident(name_raw);
        let Some(i) = self.table(db, &name) else { return Some(relation_missing(t, name_raw)) };
        let tb = &self.tables[i];
        if what.eq_ignore_ascii_case("count(*)") {
            return Some(PgResult { out: pg_table(None, &["count"], &["count"], &[vec![tb.rows.len().to_string()]], true), err: String::new(), ok: true });
        }
        let cols: Vec<usize> = if what == "*" {
            (0..tb.columns.len()).collect()
        } else {
            let mut v = Vec::new();
            for c in what.split(',').map(ident) {
                match tb.columns.iter().position(|k| k.name == c) {
                    Some(p) => v.push(p),
                    None => return Some(pg_error(&format!("column \"{c}\" does not exist"), Some((t, t.find(c.as_str()).unwrap_or(0))))),
                }
            }
            v
        };
        let headers: Vec<&str> = cols.iter().map(|&c| tb.columns[c].name.as_str()).collect();
        let numeric: Vec<&str> = cols.iter().filter(|&&c| is_numeric(&tb.columns[c].ty)).map(|&c| tb.columns[c].name.as_str()).collect();
        let rows: Vec<Vec<String>> = tb.rows.iter().map(|r| cols.iter().map(|&c| r.get(c).cloned().flatten().unwrap_or_default()).collect()).collect();
        Some(PgResult { out: pg_table(None, &headers, &numeric, &rows, true), err: String::new(), ok: true })
    }
}

/// The simulated clock's `now()` as PostgreSQL prints a timestamp.
const PG_NOW: &str = "2026-11-25 08:00:03.512046";

fn is_numeric(ty: &str) -> bool {
    matches!(ty, "integer" | "bigint" | "smallint" | "real" | "double precision") || ty.starts_with("numeric")
}

/// format_type's name of a column type, and whether it is a serial.
fn pg_type(decl: &str) -> (Option<String>, bool) {
    let first = decl.split_whitespace().next().unwrap_or("");
    let base = first.split('(').next().unwrap_or("");
    let args = first.find('(').map(|p| first[p..].to_string()).unwrap_or_default();
    let ty = match base {
        "serial" | "serial4" => return (Some("integer".into()), true),
        "bigserial" | "serial8" => return (Some("bigint".into()), true),
        "int" | "integer" | "int4" => "integer".to_string(),
        "bigint" | "int8" => "bigint".into(),
        "smallint" | "int2" => "smallint".into(),
        "text" => "text".into(),
        "varchar" => format!("character varying{args}"),
        "character" if decl.starts_with("character varying") => format!("character varying{}", decl.split_whitespace().nth(1).map(|x| x.trim_start_matches("varying")).unwrap_or("")),
        "char" | "character" => format!("character{}", if args.is_empty() { "(1)".to_string() } else { args }),
        "boolean" | "bool" => "boolean".into(),
        "date" => "date".into(),
        "timestamp" if decl.starts_with("timestamp with time zone") => "timestamp with time zone".into(),
        "timestamp" => "timestamp without time zone".into(),
        "timestamptz" => "timestamp with time zone".into(),
        "numeric" | "decimal" => format!("numeric{args}"),
        "real" | "float4" => "real".into(),
        "float" | "float8" => "double precision".into(),
        "double" => "double precision".into(),
        "uuid" => "uuid".into(),
        "json" => "json".into(),
        "jsonb" => "jsonb".into(),
        _ => return (None, false),
    };
    (Some(ty), false)
}

fn ident(s: &str) -> String {
    let s = s.trim().trim_end_matches(';').trim();
    if let Some(q) = s.strip_prefix('"').and_then(|x| x.strip_suffix('"')) {
        q.to_string()
    } else {
        s.to_ascii_lowercase()
    }
}

fn sql_value(v: &str) -> Option<String> {
    if v.eq_ignore_ascii_case("null") {
        return None;
    }
    if let Some(s) = v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')) {
        return Some(s.replace("''", "'"));
    }
    if v.eq_ignore_ascii_case("now()") || v.eq_ignore_ascii_case("current_timestamp") {
        return Some(PG_NOW.into());
    }
    Some(v.to_string())
}

/// Splits on `sep` outside quotes and parentheses.
fn split_top(s: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let (mut depth, mut quote) = (0i32, false);
    for c in s.chars() {
        match c {
            '\'' => quote = !quote,
            '(' if !quote => depth += 1,
            ')' if !quote => depth -= 1,
            _ => {}
        }
        if c == sep && depth == 0 && !quote {
            parts.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        parts.push(cur);
    }
    parts
}

/// A script's statements: `--` comments dropped, split on `;` outside
/// quotes; backslash meta-commands end at the end of their line.
pub fn split_sql(sql: &str) -> Vec<String> {
    let mut stmts = Vec::new();
    let mut cur = String::new();
    for line in sql.lines() {
        let mut l = String::new();
        let mut quote = false;
        let chars: Vec<char> = line.chars().collect();
        let mut k = 0;
        while k < chars.len() {
            let c = chars[k];
            if c == '\'' {
                quote = !quote;
            }
            if !quote && c == '-' && chars.get(k + 1) == Some(&'-') {
                break;
            }
            l.push(c);
            k += 1;
        }
        if cur.trim().is_empty() && l.trim_start().starts_with('\\') {
            stmts.push(l.trim().to_string());
            cur.clear();
            continue;
        }
        for part in split_keep(&l) {
            match part {
                Ok(text) => cur.push_str(&text),
                Err(()) => {
                    if !cur.trim().is_empty() {
                        stmts.push(cur.trim().to_string());
                    }
                    cur.clear();
                }
            }
        }
        cur.push('\n');
    }
    if !cur.trim().is_empty() {
        stmts.push(cur.trim().to_string());
    }
    stmts
}

/// Pieces of one line: text, and Err for each `;` outside quotes.
fn split_keep(l: &str) -> Vec<Result<String, ()>> {
    let mut v = Vec::new();
    let mut cur = String::new();
    let mut quote = false;
    for c in l.chars() {
        if c == '\'' {
            quote = !quote;
        }
        if c == ';' && !quote {
            v.push(Ok(std::mem::take(&mut cur)));
            v.push(Err(()));
        } else {
            cur.push(c);
        }
    }
    v.push(Ok(cur));
    v
}

/// An ERROR as psql prints it (libpq's message, then with a position the
/// `LINE n:` extract and a caret under the offending character).
fn pg_error(msg: &str, at: Option<(&str, usize)>) -> PgResult {
    let mut err = format!("ERROR:  {msg}\n");
    if let Some((q, pos)) = at {
        let before = q.get(..pos).unwrap_or(q);
        let line_no = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|p| p + 1).unwrap_or(0);
        let line = q.get(line_start..).unwrap_or("").lines().next().unwrap_or("");
        let prefix = format!("LINE {line_no}: ");
        let col = before.get(line_start..).map(|s| s.chars().count()).unwrap_or(0);
        err.push_str(&format!("{prefix}{line}\n{}^\n", " ".repeat(prefix.len() + col)));
    }
    PgResult { out: String::new(), err, ok: false }
}

fn relation_missing(q: &str, raw: &str) -> PgResult {
    let name = ident(raw);
    let pos = q.find(raw.trim_end_matches(';')).unwrap_or(0);
    pg_error(&format!("relation \"{name}\" does not exist"), Some((q, pos)))
}

fn syntax_error(q: &str, pos: usize) -> PgResult {
    if pos >= q.len() {
        return pg_error("syntax error at end of input", Some((q, q.len())));
    }
    pg_error("syntax error", Some((q, pos)))
}

/// psql's aligned table (fe_utils/print.c print_aligned_text, border 1):
/// the title centred over the table, headers centred, cells left-aligned
/// (`right` names right-aligned numeric columns), lines of a multi-line
/// cell marked with `+`, then `(n rows)` when `footer`, and an empty line.
pub fn pg_table(title: Option<&str>, headers: &[&str], right: &[&str], rows: &[Vec<String>], footer: bool) -> String {
    let n = headers.len();
    let mut width: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (j, c) in r.iter().enumerate().take(n) {
            for l in c.split('\n') {
                if let Some(w) = width.get_mut(j) {
                    *w = (*w).max(l.chars().count());
                }
            }
        }
    }
    let total = if n > 0 { n * 3 - 1 } else { 0 } + width.iter().sum::<usize>();
    let mut s = String::new();
    if let Some(t) = title {
        let tw = t.chars().count();
        if tw >= total {
            s.push_str(&format!("{t}\n"));
        } else {
            s.push_str(&format!("{}{t}\n", " ".repeat((total - tw) / 2)));
        }
    }
    let mut head = Vec::new();
    for (j, h) in headers.iter().enumerate() {
        let sp = width[j] - h.chars().count();
        head.push(format!(" {}{h}{} ", " ".repeat(sp / 2), " ".repeat((sp + 1) / 2)));
    }
    s.push_str(&head.join("|"));
    s.push('\n');
    s.push_str(&width.iter().map(|w| "-".repeat(w + 2)).collect::<Vec<_>>().join("+"));
    s.push('\n');
    for r in rows {
        let cells: Vec<Vec<&str>> = (0..n).map(|j| r.get(j).map(|c| c.split('\n').collect()).unwrap_or_else(|| vec![""])).collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let mut line = String::new();
            for j in 0..n {
                let last = j + 1 == n;
                let part = cells[j].get(k);
                let more = k + 1 < cells[j].len();
                line.push(if k > 0 && part.is_some() { ' ' } else { ' ' });
                let text = part.copied().unwrap_or("");
                let pad = width[j] - text.chars().count();
                if right.contains(&headers[j]) && part.is_some() {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(text);
                } else {
                    line.push_str(text);
                    if !last || more {
                        line.push_str(&" ".repeat(pad));
                    }
                }
                if more {
                    line.push('+');
                } else if !last {
                    line.push(' ');
                }
                if !last {
                    line.push('|');
                }
            }
            s.push_str(&line);
            s.push('\n');
        }
    }
    if footer {
        s.push_str(&format!("({} {})\n", rows.len(), if rows.len() == 1 { "row" } else { "rows" }));
    }
    s.push('\n');
    s
}

/// Where the catalogue of the server in container `cid` lives.
fn pg_catalog_path(world: &crate::world::World, cid: &str) -> String {
    let pgdata = world.containers.get(cid).and_then(|c| c.env.iter().rev().find_map(|e| e.strip_prefix("PGDATA=").map(str::to_string))).unwrap_or_else(|| "/var/lib/postgresql/data".into());
    format!("{pgdata}/{PG_CATALOG_FILE}")
}

/// The catalogue of the PostgreSQL server running in container `cid`.
pub fn pg_catalog_load(world: &mut crate::world::World, cid: &str) -> Option<PgCatalog> {
    use baleine_vfs::Fs;
    let view = crate::network::view_of(world, cid)?;
    let path = pg_catalog_path(world, cid);
    let text = world.forest.mounted(&view).read_text(&path).ok()?;
    Some(PgCatalog::parse(&text))
}

pub fn pg_catalog_save(world: &mut crate::world::World, cid: &str, cat: &PgCatalog) {
    use baleine_vfs::Fs;
    let Some(view) = crate::network::view_of(world, cid) else { return };
    let path = pg_catalog_path(world, cid);
    let _ = world.forest.mounted(&view).write_text(&path, &cat.to_text());
}

/// psql's command line (startup.c parse_psql_options): -U/-d/-c/-f, then
/// up to two bare words, the database and the user. The user defaults to
/// PGUSER or the OS user, the database to PGDATABASE or the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PsqlOptions {
    pub user: String,
    pub db: String,
    /// `-c` commands and `-f` files (true), in order.
    pub cmds: Vec<(bool, String)>,
}

impl PsqlOptions {
    pub fn parse(args: &[String], env: &[(String, String)], os_user: &str) -> PsqlOptions {
        let (mut user, mut db, mut cmds, mut positional) = (None::<String>, None::<String>, Vec::<(bool, String)>::new(), Vec::<String>::new());
        let mut i = 0;
        while i < args.len() {
            let a = args[i].as_str();
            let next = args.get(i + 1).cloned();
            let (key, inline) = match a.split_once('=') {
                Some((k, v)) if k.starts_with("--") => (k, Some(v.to_string())),
                _ => (a, None),
            };
            let takes = matches!(key, "-U" | "--username" | "-d" | "--dbname" | "-c" | "--command" | "-f" | "--file" | "-h" | "--host" | "-p" | "--port" | "-v" | "--set" | "--variable");
            let value = if takes {
                if inline.is_some() {
                    inline
                } else {
                    i += 1;
                    next
                }
            } else {
                None
            };
            match key {
                "-U" | "--username" => user = value,
                "-d" | "--dbname" => db = value,
                "-c" | "--command" => cmds.push((false, value.unwrap_or_default())),
                "-f" | "--file" => cmds.push((true, value.unwrap_or_default())),
                _ if key.starts_with("-U") && key.len() > 2 => user = Some(key[2..].to_string()),
                _ if key.starts_with("-d") && key.len() > 2 => db = Some(key[2..].to_string()),
                _ if !key.starts_with('-') => positional.push(key.to_string()),
                _ => {}
            }
            i += 1;
        }
        let env = |k: &str| env.iter().rev().find(|(ek, _)| ek == k).map(|(_, v)| v.clone());
        let db = db.or_else(|| positional.first().cloned());
        let user = user.or_else(|| positional.get(1).cloned()).or_else(|| env("PGUSER")).unwrap_or_else(|| os_user.to_string());
        let db = db.or_else(|| env("PGDATABASE")).unwrap_or_else(|| user.clone());
        PsqlOptions { user, db, cmds }
    }
}

/// One line typed at an interactive psql connected as `user` to `db` of the
/// server in container `cid` (what `docker exec -it db psql` reads).
pub fn psql_line(world: &mut crate::world::World, cid: &str, db: &str, user: &str, q: &str) -> PgResult {
    let Some(mut cat) = pg_catalog_load(world, cid) else {
        return PgResult { out: psql_answer(q), err: String::new(), ok: true };
    };
    let before = cat.clone();
    let r = cat.run_script(db, user, q, false);
    if cat != before {
        pg_catalog_save(world, cid, &cat);
    }
    r
}
