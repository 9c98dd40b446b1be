// SPDX-License-Identifier: MIT
#include "jsonfields.h"

#include "plotspec.h"

namespace elu {

QString describeJson(const JsonValue &value)
{
    switch (value.type) {
    case JsonValue::Type::Null:
        return QStringLiteral("null");
    case JsonValue::Type::Boolean:
        return value.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case JsonValue::Type::Number:
        return formatNumber(value.number);
    case JsonValue::Type::String: {
        // Control characters escaped, so that the message stays one line.
        constexpr qsizetype shown = 40;
        QString text;
        for (const QChar c : value.string.left(shown)) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                text += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                text += c;
        }
        if (value.string.size() > shown)
            text += QStringLiteral("…");
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    case JsonValue::Type::Array:
        return QStringLiteral("an array");
    case JsonValue::Type::Object:
        return QStringLiteral("an object");
    }
    return {};
}

qint64 jsonInteger(const JsonValue &value)
{
    const double n = value.number;
    if (value.type != JsonValue::Type::Number || !(std::abs(n) < 9e18) || std::trunc(n) != n)
        return notAnInteger;
    return qint64(n);
}

void JsonFieldReader::fail(const QString &message)
{
    if (!failed())
        error = message;
}

void JsonFieldReader::refuse(const QString &path, const JsonValue &value, const QString &accepted)
{
    fail(QStringLiteral("%1: %2 is not accepted: %3").arg(path, describeJson(value), accepted));
}

const JsonValue *JsonFieldReader::find(const JsonValue &object, const QString &prefix,
                                       const char *key, bool required)
{
    const QString name = QLatin1String(key);
    if (failed())
        return nullptr;
    if (object.countOf(name) > 1) {
        fail(prefix + name + QStringLiteral(": given more than once"));
        return nullptr;
    }
    const JsonValue *value = object.member(name);
    if (!value && required)
        fail(prefix + name + QStringLiteral(": missing (a required key)"));
    return value;
}

const JsonValue *JsonFieldReader::object(const JsonValue &parent, const QString &prefix,
                                         const char *key)
{
    const JsonValue *value = find(parent, prefix, key);
    if (value && value->type != JsonValue::Type::Object) {
        refuse(prefix + QLatin1String(key), *value, QStringLiteral("an object is required"));
        return nullptr;
    }
    return value;
}

void JsonFieldReader::boolean(const JsonValue &object, const QString &prefix, const char *key,
                              bool &target)
{
    const JsonValue *value = find(object, prefix, key);
    if (!value)
        return;
    if (value->type != JsonValue::Type::Boolean)
        return refuse(prefix + QLatin1String(key), *value, QStringLiteral("true or false"));
    target = value->boolean;
}

} // namespace elu
