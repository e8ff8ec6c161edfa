//! `yeta ahp MATRIX.json`: priorities and consistency of one pairwise matrix.

use anyhow::{Context as _, Result, anyhow};
use serde::{Deserialize, Serialize};
use yeta_core::ahp::matrix::{self, Judgement, Method};

/// The input file: items and their matrix.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    items: Vec<String>,
    matrix: Vec<Vec<Judgement>>,
    #[serde(default)]
    method: Method,
}

#[derive(Serialize)]
struct Output<'a> {
    items: &'a [String],
    weights: Vec<f64>,
    lambda_max: f64,
    ci: f64,
    cr: f64,
    ri: f64,
    consistent: bool,
    cr_cutoff: f64,
    method: Method,
    completed: Vec<(String, String)>,
    hints: Vec<String>,
    rules: String,
}

/// Runs the command: returns the JSON and a table for the terminal.
pub fn run(text: &str, rules_id: &str) -> Result<(String, String)> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let input: Input = serde_path_to_error::deserialize(de).map_err(|e| anyhow!("{}: {}", e.path(), e.inner()))?;
    let m = matrix::check(&input.matrix).map_err(|errs| {
        anyhow!("{}", errs.iter().map(|e| format!("matrix{}: {}", e.cell, e.message)).collect::<Vec<_>>().join("\n"))
    })?;
    if input.items.len() != m.len() {
        return Err(anyhow!("items: {} names for a {}×{} matrix", input.items.len(), m.len(), m.len()));
    }
    let rules = yeta_core::RuleSet::builtin(rules_id).with_context(|| format!("no built-in rule set {rules_id}"))?;
    let ahp = rules.ahp.with_context(|| format!("rule set {rules_id} has no AHP parameters"))?;
    if m.len() > ahp.random_index.value.len() {
        return Err(anyhow!(
            "matrix: {} items, more than the random-index table of {rules_id} ({}): CR is undefined beyond it",
            m.len(),
            ahp.random_index.value.len()
        ));
    }
    let p = matrix::priorities(&m, input.method, &ahp.random_index.value, ahp.cr_cutoff.value);
    let name = |i: usize| input.items[i].clone();
    let hints: Vec<String> = p
        .hints
        .iter()
        .map(|h| {
            format!(
                "CR {:.2} > {:.2}: reconsider ({}, {}): {} given, about {} would fit the other judgements",
                p.cr,
                ahp.cr_cutoff.value,
                name(h.i),
                name(h.j),
                matrix::saaty_text(h.given),
                h.suggested
            )
        })
        .collect();
    let out = Output {
        items: &input.items,
        weights: p.weights.clone(),
        lambda_max: p.lambda_max,
        ci: p.ci,
        cr: p.cr,
        ri: p.ri,
        consistent: p.consistent,
        cr_cutoff: ahp.cr_cutoff.value,
        method: p.method,
        completed: p.completed.iter().map(|&(i, j)| (name(i), name(j))).collect(),
        hints: hints.clone(),
        rules: rules_id.to_owned(),
    };
    let mut table = String::new();
    for (i, w) in p.weights.iter().enumerate() {
        table.push_str(&format!("  {:<24} {:>8.4}\n", name(i), w));
    }
    table.push_str(&format!(
        "  λmax {:.5}  CI {:.4}  CR {:.4} ({})\n",
        p.lambda_max,
        p.ci,
        p.cr,
        if p.consistent { "consistent" } else { "inconsistent" }
    ));
    for h in &hints {
        table.push_str(&format!("  hint: {h}\n"));
    }
    Ok((serde_json::to_string_pretty(&out)?, table))
}
