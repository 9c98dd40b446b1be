// SPDX-License-Identifier: MIT
#pragma once

#include "jsonreader.h"

#include <QString>

#include <cmath>
#include <limits>
#include <optional>

namespace elu {

/// "null", "true", "0.5", "\"text\"" (cut after 40 characters), "an array" or "an object": a
/// refused value as a message shows it.
QString describeJson(const JsonValue &value);

/// What jsonInteger gives for anything that is not a whole number within ±9·10¹⁸: out of
/// range for every integer a file holds.
inline constexpr qint64 notAnInteger = std::numeric_limits<qint64>::min();

/// The whole number `value` holds (1000 and 1000.0 and 1e3 alike), or notAnInteger.
qint64 jsonInteger(const JsonValue &value);

/// Reads typed members of JSON objects into their targets, stopping at the first refusal: every
/// later read does nothing and `error` keeps the first message, which names the key's path
/// (`prefix` + key, e.g. "figure." + "width") and the value: "figure.width: 50 is not accepted:
/// a figure side must be …". A missing optional member leaves its target unchanged; a member
/// given more than once is refused.
class JsonFieldReader
{
public:
    QString error; ///< empty until a refusal

    bool failed() const { return !error.isEmpty(); }
    /// Records `message` unless an earlier refusal is recorded (an empty one records nothing).
    void fail(const QString &message);
    /// "PATH: VALUE is not accepted: ACCEPTED"
    void refuse(const QString &path, const JsonValue &value, const QString &accepted);

    /// The member `key` of `object`, or nullptr: when it is missing (a refusal if `required`),
    /// given twice, or after a refusal.
    const JsonValue *find(const JsonValue &object, const QString &prefix, const char *key,
                          bool required = false);
    /// An optional member that must be an object, or nullptr.
    const JsonValue *object(const JsonValue &parent, const QString &prefix, const char *key);
    void boolean(const JsonValue &object, const QString &prefix, const char *key, bool &target);

    /// A number; `errorOf(value)` is empty when it is accepted, else what is accepted (anything
    /// but a number is asked as NaN).
    template<class ErrorOf>
    void number(const JsonValue &object, const QString &prefix, const char *key, double &target,
                ErrorOf errorOf)
    {
        const JsonValue *value = find(object, prefix, key);
        if (!value)
            return;
        const double n = value->type == JsonValue::Type::Number ? value->number : std::nan("");
        if (const QString accepted = errorOf(n); !accepted.isEmpty())
            return refuse(prefix + QLatin1String(key), *value, accepted);
        target = n;
    }

    /// A whole number (jsonInteger), checked by `errorOf` like number().
    template<class Integer, class ErrorOf>
    void integer(const JsonValue &object, const QString &prefix, const char *key, Integer &target,
                 ErrorOf errorOf)
    {
        const JsonValue *value = find(object, prefix, key);
        if (!value)
            return;
        const qint64 n = jsonInteger(*value);
        if (const QString accepted = errorOf(n); !accepted.isEmpty())
            return refuse(prefix + QLatin1String(key), *value, accepted);
        target = Integer(n);
    }

    /// A string that `parse` maps to the target (nullopt: refused, saying `accepted`).
    template<class Target, class Parse>
    void name(const JsonValue &object, const QString &prefix, const char *key, Target &target,
              Parse parse, const QString &accepted)
    {
        const JsonValue *value = find(object, prefix, key);
        if (!value)
            return;
        const auto parsed =
            value->type == JsonValue::Type::String ? parse(value->string) : std::nullopt;
        if (!parsed)
            return refuse(prefix + QLatin1String(key), *value, accepted);
        target = *parsed;
    }
};

} // namespace elu
