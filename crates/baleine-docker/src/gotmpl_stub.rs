//! Temporary stand-in while gotmpl.rs is written.
pub struct Template(String);
pub fn parse(src: &str) -> Result<Template, String> { Ok(Template(src.to_string())) }
impl Template {
    pub fn execute(&self, data: &serde_json::Value) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = self.0.as_str();
        while let Some(i) = rest.find("{{") {
            out.push_str(&rest[..i]);
            let after = &rest[i + 2..];
            let Some(j) = after.find("}}") else { return Err("template: :1: unclosed action".into()) };
            let expr = after[..j].trim();
            let mut v = data;
            for part in expr.trim_start_matches('.').split('.').filter(|p| !p.is_empty()) { v = v.get(part).unwrap_or(&serde_json::Value::Null); }
            match v { serde_json::Value::String(s) => out.push_str(s), serde_json::Value::Null => out.push_str("<no value>"), other => out.push_str(&other.to_string()) }
            rest = &after[j + 2..];
        }
        out.push_str(rest);
        Ok(out)
    }
}
pub fn is_table(format: &str) -> bool { format.starts_with("table") }
pub fn strip_table(format: &str) -> &str { format.strip_prefix("table").unwrap_or(format).trim_start() }
pub fn header_for(format_after_table: &str, headers: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::new();
    let mut rest = format_after_table;
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else { break };
        out.push_str(&headers(after[..j].trim().trim_start_matches('.')).unwrap_or_default());
        rest = &after[j + 2..];
    }
    out.push_str(rest);
    out
}
pub fn unescape_format(s: &str) -> String { s.replace("\\t", "\t").replace("\\n", "\n") }
