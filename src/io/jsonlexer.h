// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace elu {

/// Where readJson is in its text, and the first error it met. Internal to jsonreader.cpp and
/// jsonlexer.cpp.
struct JsonCursor
{
    const char *begin;
    const char *pos;
    const char *end;
    QString error; ///< empty until the first failure
    qsizetype errorOffset = -1;

    /// Records `what` at `at` (unless an error is recorded) and returns false. An error at the
    /// end of a non-empty text says the text ends early.
    bool failAt(const char *what, const char *at);
    bool fail(const char *what) { return failAt(what, pos); }
};

/// Reads the string whose opening quote is at `cursor.pos` into `out` and moves past its
/// closing quote: escapes decoded (surrogate pairs joined, lone surrogates refused), raw bytes
/// of valid UTF-8 only, no unescaped control characters. False after cursor.fail().
bool readJsonString(JsonCursor &cursor, QString &out);

/// Reads the number at `cursor.pos` (RFC 8259's grammar, no leading '+', no NaN or Infinity)
/// into the nearest double, keeping −0.0; refuses one beyond the range of doubles, or one so
/// small it would read as 0. False after cursor.fail().
bool readJsonNumber(JsonCursor &cursor, double &out);

} // namespace elu
