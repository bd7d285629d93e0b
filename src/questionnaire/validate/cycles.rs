//! Visibility cycles: questions whose `show_if` conditions (their own or their section's)
//! read each other, so whether they are shown cannot be worked out from the answers.
//!
//! A question depends on every question its own `show_if` reads and every question its
//! section's `show_if` reads. Each strongly connected group of that graph is reported
//! once, with one shortest loop through it spelled out. A section whose `show_if` reads
//! a question inside it is the simplest loop and gets its own message.

use std::collections::{HashMap, VecDeque};

use super::conditions::tests_at;
use super::quoted;
use crate::questionnaire::model::Questionnaire;
use crate::questionnaire::problem::Problem;

/// Which `show_if` an edge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via {
    /// The question's own `show_if` (section, question).
    Question(usize, usize),
    /// Its section's `show_if`.
    Section(usize),
}

impl Via {
    fn path(self) -> String {
        match self {
            Via::Question(s, q) => format!("sections[{s}].questions[{q}].show_if"),
            Via::Section(s) => format!("sections[{s}].show_if"),
        }
    }
}

/// Every visibility cycle, each as (path of the `show_if` to report it at, problem).
pub(super) fn find(
    questionnaire: &Questionnaire,
    places: &HashMap<&str, (usize, usize)>,
) -> Vec<(String, Problem)> {
    let mut found = Vec::new();
    // Questions in document order; `number` turns a place into a node.
    let nodes: Vec<(usize, usize)> = questionnaire
        .sections
        .iter()
        .enumerate()
        .flat_map(|(s, section)| (0..section.questions.len()).map(move |q| (s, q)))
        .collect();
    let number: HashMap<(usize, usize), usize> = nodes
        .iter()
        .enumerate()
        .map(|(n, place)| (*place, n))
        .collect();
    let id_of = |n: usize| {
        let (s, q) = nodes[n];
        questionnaire.sections[s].questions[q].id.as_str()
    };

    let mut edges: Vec<Vec<(usize, Via)>> = vec![Vec::new(); nodes.len()];
    for (s, section) in questionnaire.sections.iter().enumerate() {
        let section_reads: Vec<(String, &str)> = section
            .show_if
            .as_ref()
            .map(|c| tests_at(&Via::Section(s).path(), c))
            .unwrap_or_default();
        let mut outside = Vec::new();
        for (path, id) in &section_reads {
            match places.get(id) {
                Some(&(inside, _)) if inside == s => found.push((
                    Via::Section(s).path(),
                    Problem::at(
                        format!("{path}.question"),
                        format!(
                            "section \"{}\" shows only after question \"{id}\" is answered, but \
                             \"{id}\" is inside that section and hidden with it: move \"{id}\" \
                             to an earlier section or test another question",
                            section.id
                        ),
                    ),
                )),
                Some(place) => outside.extend(number.get(place).copied()),
                None => {}
            }
        }
        for (q, question) in section.questions.iter().enumerate() {
            let Some(&from) = number.get(&(s, q)) else {
                continue;
            };
            if let Some(condition) = &question.show_if {
                for (_, id) in tests_at("", condition) {
                    if let Some(to) = places.get(id).and_then(|place| number.get(place)) {
                        edges[from].push((*to, Via::Question(s, q)));
                    }
                }
            }
            edges[from].extend(outside.iter().map(|to| (*to, Via::Section(s))));
        }
    }

    for mut group in strongly_connected(&edges) {
        group.sort_unstable();
        let Some(&start) = group.first() else {
            continue;
        };
        let Some(cycle) = shortest_cycle(&edges, &group, start) else {
            continue;
        };
        let Some(&(_, via)) = cycle.first() else {
            continue;
        };
        let message = if cycle.len() == 1 {
            format!(
                "question \"{}\" shows only depending on its own answer, which it cannot have \
                 while hidden: test another question",
                id_of(start)
            )
        } else {
            let mut names: Vec<&str> = vec![id_of(start)];
            names.extend(cycle.iter().map(|(to, _)| id_of(*to)));
            let loop_text = names
                .iter()
                .map(|id| format!("\"{id}\""))
                .collect::<Vec<_>>()
                .join(" → ");
            let caught: Vec<&str> = group
                .iter()
                .filter(|n| !cycle.iter().any(|(to, _)| to == *n))
                .map(|n| id_of(*n))
                .collect();
            let also = if caught.is_empty() {
                String::new()
            } else {
                format!(" (with {} caught in the same loop)", quoted(caught))
            };
            format!(
                "questions {loop_text} decide each other's visibility in a loop{also}: remove \
                 one of these show_if conditions"
            )
        };
        found.push((via.path(), Problem::at(via.path(), message)));
    }
    found
}

/// The shortest loop from `start` back to it inside `group`, as the edges taken
/// (target, where the edge comes from). `None` for a single node without a self-loop.
fn shortest_cycle(
    edges: &[Vec<(usize, Via)>],
    group: &[usize],
    start: usize,
) -> Option<Vec<(usize, Via)>> {
    let mut came_from: HashMap<usize, (usize, Via)> = HashMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &(to, via) in &edges[node] {
            if group.binary_search(&to).is_err() {
                continue;
            }
            if to == start {
                let mut cycle = vec![(start, via)];
                let mut at = node;
                while at != start {
                    let &(before, via) = came_from.get(&at)?;
                    cycle.push((at, via));
                    at = before;
                }
                cycle.reverse();
                return Some(cycle);
            }
            if let std::collections::hash_map::Entry::Vacant(entry) = came_from.entry(to) {
                entry.insert((node, via));
                queue.push_back(to);
            }
        }
    }
    None
}

/// Tarjan's strongly connected components, without recursion so a long chain of
/// conditions cannot exhaust the stack.
fn strongly_connected(edges: &[Vec<(usize, Via)>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let count = edges.len();
    let mut index = vec![UNSEEN; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut next = 0;
    let mut groups = Vec::new();
    for root in 0..count {
        if index[root] != UNSEEN {
            continue;
        }
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        // Each entry: a node and how many of its edges are done.
        let mut work = vec![(root, 0usize)];
        while let Some(top) = work.last_mut() {
            let node = top.0;
            if let Some(&(to, _)) = edges[node].get(top.1) {
                top.1 += 1;
                if index[to] == UNSEEN {
                    index[to] = next;
                    low[to] = next;
                    next += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                let mut group = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    group.push(member);
                    if member == node {
                        break;
                    }
                }
                groups.push(group);
            }
        }
    }
    groups
}
