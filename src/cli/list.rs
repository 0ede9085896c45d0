//! `plainly rules` is rendered by [`crate::docs::list`]; this module is its test.

#[cfg(test)]
mod tests {
    #[test]
    fn lists_every_rule_once() {
        let list = crate::docs::list();
        for rule in crate::rules::ALL {
            assert_eq!(list.lines().filter(|l| l.starts_with(&format!("{} ", rule.meta().id))).count(), 1);
        }
    }
}
