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

    #[test]
    fn columns_line_up_on_every_row() {
        // Each column starts where its header does, "(opt-in)" rows included.
        let list = crate::docs::list();
        let header = list.lines().next().unwrap();
        let starts: Vec<usize> = ["profiles", "severity", "summary"].map(|h| header.find(h).unwrap()).to_vec();
        for line in list.lines().skip(1) {
            for &start in &starts {
                let before: String = line.chars().take(start).collect();
                assert!(before.ends_with("  "), "a column does not start at {start}: {line}");
                assert_ne!(line.chars().nth(start), Some(' '), "a column does not start at {start}: {line}");
            }
        }
    }
}
