// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace elu {

struct JsonMember;

/// One value of a JSON document as readJson reads it. Unlike QJsonDocument it keeps every
/// number exactly as its text says, −0.0 included (QJsonDocument reads "-0.0" as +0), keeps
/// object members in file order and records where each value starts.
struct JsonValue
{
    enum class Type { Null, Boolean, Number, String, Array, Object };

    Type type = Type::Null;
    bool boolean = false;
    double number = 0.0; ///< the double nearest to the text (std::from_chars)
    QString string;
    std::vector<JsonValue> items;    ///< an array's values
    std::vector<JsonMember> members; ///< an object's members, in file order
    qsizetype offset = 0;            ///< byte offset of the value's first character

    /// The value of the member named `key` of an object, or nullptr when it has none. A key
    /// given more than once yields its first value; see countOf.
    const JsonValue *member(QStringView key) const;
    /// How many members of an object are named `key`.
    int countOf(QStringView key) const;
};

struct JsonMember
{
    QString key;
    JsonValue value;
};

/// What readJson read: the document's value, or why the text is not JSON and where.
struct JsonReadResult
{
    std::optional<JsonValue> value;
    QString error;         ///< empty on success, e.g. "a ',' or '}' is expected"
    qsizetype offset = -1; ///< byte offset of the error
};

/// Reads `text` as one JSON value (RFC 8259, strict: no comments, no trailing commas, strings
/// of valid UTF-8, numbers that fit a double; a leading UTF-8 byte order mark is skipped).
/// Arrays and objects nest at most `maxDepth` deep. Never crashes and takes time linear in the
/// size of `text`, whatever it holds.
JsonReadResult readJson(QByteArrayView text, int maxDepth = 32);

} // namespace elu
