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

/// redis-cli's answer to one command line.
pub fn redis_answer(line: &str, store: &mut Vec<(String, String)>) -> String {
    let parts: Vec<&str> = line.split_whitespace().collect();
    match parts.first().map(|s| s.to_ascii_uppercase()).as_deref() {
        Some("PING") => "PONG\n".into(),
        Some("SET") if parts.len() >= 3 => {
            store.retain(|(k, _)| k != parts[1]);
            store.push((parts[1].to_string(), parts[2..].join(" ").trim_matches('"').to_string()));
            "OK\n".into()
        }
        Some("GET") if parts.len() >= 2 => match store.iter().find(|(k, _)| k == parts[1]) {
            Some((_, v)) => format!("\"{v}\"\n"),
            None => "(nil)\n".into(),
        },
        Some("KEYS") => {
            if store.is_empty() {
                "(empty array)\n".into()
            } else {
                store.iter().enumerate().map(|(i, (k, _))| format!("{}) \"{k}\"\n", i + 1)).collect()
            }
        }
        Some("DEL") if parts.len() >= 2 => {
            let before = store.len();
            store.retain(|(k, _)| k != parts[1]);
            format!("(integer) {}\n", before - store.len())
        }
        Some(other) => format!("(error) ERR baleine: the simulated redis answers PING, SET, GET, KEYS and DEL only ('{other}')\n"),
        None => String::new(),
    }
}
