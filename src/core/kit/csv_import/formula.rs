//! Formulas as a policy officer writes them in the `formule` row → the format's [`Formula`].

use crate::core::model::{Formula, Op};

/// One piece of a formula.
#[derive(PartialEq)]
enum Token {
    Id(String),
    Number(f64),
    Operator(char),
}

/// Reads `a - b`, `|a - b|`, `a + b + c`, `a / b`, `a / b * 100`, `a / b * 1000` (and `100 * a / b`).
pub(super) fn parse_formula(text: &str) -> Result<Formula, String> {
    let unknown = || {
        format!(
            "\"{text}\" is geen formule die de monitor kent; schrijf a / b * 100 (percentage), a / b * 1000 (per 1.000), a + b (som), a - b (verschil), |a - b| (verschil zonder teken) of a / b (verhouding), met de id's uit de rij id"
        )
    };
    let tokens = tokens(text).ok_or_else(unknown)?;
    let formula = |op: Op, args: &[&String]| Formula { op, args: args.iter().map(|arg| (*arg).clone()).collect() };
    use Token::{Id, Number, Operator};
    match tokens.as_slice() {
        [Id(left), Operator('-'), Id(right)] => Ok(formula(Op::Difference, &[left, right])),
        [Operator('|'), Id(left), Operator('-'), Id(right), Operator('|')] => {
            Ok(formula(Op::AbsDifference, &[left, right]))
        }
        [Id(left), Operator('/'), Id(right)] => Ok(formula(Op::Ratio, &[left, right])),
        [Id(left), Operator('/'), Id(right), Operator('*'), Number(factor)]
        | [Number(factor), Operator('*'), Id(left), Operator('/'), Id(right)]
            if *factor == 100.0 =>
        {
            Ok(formula(Op::Share, &[left, right]))
        }
        [Id(left), Operator('/'), Id(right), Operator('*'), Number(factor)]
        | [Number(factor), Operator('*'), Id(left), Operator('/'), Id(right)]
            if *factor == 1000.0 =>
        {
            Ok(formula(Op::Per1000, &[left, right]))
        }
        [Id(first), rest @ ..] if !rest.is_empty() && rest.len() % 2 == 0 => {
            let mut args = vec![first];
            for pair in rest.chunks(2) {
                match pair {
                    [Operator('+'), Id(next)] => args.push(next),
                    _ => return Err(unknown()),
                }
            }
            Ok(formula(Op::Sum, &args))
        }
        _ => Err(unknown()),
    }
}

/// The tokens of a formula; `None` on a character no formula has.
fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(character) = chars.next() {
        match character {
            space if space.is_whitespace() => {}
            '+' | '*' | '/' | '|' => tokens.push(Token::Operator(character)),
            '-' | '−' | '–' => tokens.push(Token::Operator('-')),
            '×' | '·' => tokens.push(Token::Operator('*')),
            '÷' | ':' => tokens.push(Token::Operator('/')),
            digit if digit.is_ascii_digit() => {
                let mut number = digit.to_string();
                while let Some(&next) = chars.peek().filter(|next| next.is_ascii_digit() || **next == '.') {
                    number.push(next);
                    chars.next();
                }
                // `1.000`: a dot between thousands, as in the rest of the sheet.
                tokens.push(Token::Number(number.replace('.', "").parse().ok()?));
            }
            letter if letter.is_alphabetic() || letter == '_' => {
                let mut id = letter.to_string();
                while let Some(&next) = chars.peek().filter(|next| next.is_alphanumeric() || **next == '_') {
                    id.push(next);
                    chars.next();
                }
                tokens.push(Token::Id(id.to_lowercase()));
            }
            _ => return None,
        }
    }
    Some(tokens)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas() {
        assert_eq!(parse_formula("|inkomsten - uitgaven|").map(|f| f.op), Ok(Op::AbsDifference));
        assert_eq!(
            parse_formula("uitgaven / inkomsten * 100").map(|f| (f.op, f.args)),
            Ok((Op::Share, vec!["uitgaven".into(), "inkomsten".into()]))
        );
        assert_eq!(parse_formula("1.000 × a / b").map(|f| f.op), Ok(Op::Per1000));
        assert_eq!(parse_formula("a + b + c").map(|f| f.args.len()), Ok(3));
        assert!(parse_formula("a * b").is_err());
        assert!(parse_formula("a # b").is_err());
    }
}
