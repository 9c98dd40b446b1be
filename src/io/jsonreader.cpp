// SPDX-License-Identifier: MIT
#include "jsonreader.h"

#include "jsonlexer.h"

namespace elu {

const JsonValue *JsonValue::member(QStringView key) const
{
    for (const JsonMember &m : members) {
        if (m.key == key)
            return &m.value;
    }
    return nullptr;
}

int JsonValue::countOf(QStringView key) const
{
    int count = 0;
    for (const JsonMember &m : members)
        count += m.key == key ? 1 : 0;
    return count;
}

namespace {

// Recursive descent over the bytes, at most maxDepth arrays and objects deep; every read
// checks the end first.
class Parser
{
public:
    Parser(QByteArrayView text, int maxDepth)
        : m_c{text.data(), text.data(), text.data() + text.size(), {}, -1}
        , m_maxDepth(maxDepth)
    {
    }

    JsonReadResult run()
    {
        JsonReadResult result;
        if (m_c.end - m_c.pos >= 3 && QByteArrayView(m_c.pos, 3) == "\xEF\xBB\xBF")
            m_c.pos += 3;
        JsonValue value;
        skipSpace();
        if (m_c.pos == m_c.end) {
            m_c.error = QStringLiteral("the text is empty");
            m_c.errorOffset = m_c.pos - m_c.begin;
        } else if (parseValue(value, 0)) {
            skipSpace();
            if (m_c.pos != m_c.end)
                m_c.fail("nothing may follow the end of the document");
        }
        if (!m_c.error.isEmpty()) {
            result.error = m_c.error;
            result.offset = m_c.errorOffset;
        } else {
            result.value = std::move(value);
        }
        return result;
    }

private:
    void skipSpace()
    {
        while (m_c.pos != m_c.end
               && (*m_c.pos == ' ' || *m_c.pos == '\t' || *m_c.pos == '\n' || *m_c.pos == '\r'))
            ++m_c.pos;
    }

    bool literal(const char *word, JsonValue &out, JsonValue::Type type, bool boolean)
    {
        const char *start = m_c.pos;
        for (const char *w = word; *w; ++w, ++m_c.pos) {
            if (m_c.pos == m_c.end || *m_c.pos != *w)
                return m_c.failAt("a value is expected (a number, string, object, array, true, "
                                  "false or null)",
                                  m_c.pos == m_c.end ? m_c.pos : start);
        }
        out.type = type;
        out.boolean = boolean;
        return true;
    }

    bool parseValue(JsonValue &out, int depth)
    {
        skipSpace();
        out.offset = m_c.pos - m_c.begin;
        if (m_c.pos == m_c.end)
            return m_c.fail("a value is expected");
        switch (*m_c.pos) {
        case '{':
        case '[':
            if (depth >= m_maxDepth)
                return m_c.fail("arrays and objects nest too deep");
            return *m_c.pos == '{' ? parseObject(out, depth + 1) : parseArray(out, depth + 1);
        case '"':
            out.type = JsonValue::Type::String;
            return readJsonString(m_c, out.string);
        case 't':
            return literal("true", out, JsonValue::Type::Boolean, true);
        case 'f':
            return literal("false", out, JsonValue::Type::Boolean, false);
        case 'n':
            return literal("null", out, JsonValue::Type::Null, false);
        default:
            out.type = JsonValue::Type::Number;
            return readJsonNumber(m_c, out.number);
        }
    }

    // After a member or an item: true at the closing bracket, false (failing) unless a comma.
    bool endOrComma(char closing, bool &more)
    {
        skipSpace();
        const char *expected =
            closing == ']' ? "a ',' or ']' is expected" : "a ',' or '}' is expected";
        if (m_c.pos == m_c.end)
            return m_c.fail(expected);
        const char ch = *m_c.pos++;
        more = ch == ',';
        return ch == closing || more || m_c.failAt(expected, m_c.pos - 1);
    }

    bool parseArray(JsonValue &out, int depth)
    {
        out.type = JsonValue::Type::Array;
        ++m_c.pos; // '['
        skipSpace();
        if (m_c.pos != m_c.end && *m_c.pos == ']') {
            ++m_c.pos;
            return true;
        }
        for (bool more = true; more;) {
            out.items.emplace_back();
            if (!parseValue(out.items.back(), depth) || !endOrComma(']', more))
                return false;
        }
        return true;
    }

    bool parseObject(JsonValue &out, int depth)
    {
        out.type = JsonValue::Type::Object;
        ++m_c.pos; // '{'
        skipSpace();
        if (m_c.pos != m_c.end && *m_c.pos == '}') {
            ++m_c.pos;
            return true;
        }
        for (bool more = true; more;) {
            skipSpace();
            if (m_c.pos == m_c.end || *m_c.pos != '"')
                return m_c.fail("a key (a string in double quotes) is expected");
            out.members.emplace_back();
            JsonMember &member = out.members.back();
            if (!readJsonString(m_c, member.key))
                return false;
            skipSpace();
            if (m_c.pos == m_c.end || *m_c.pos != ':')
                return m_c.fail("a ':' is expected after the key");
            ++m_c.pos;
            if (!parseValue(member.value, depth) || !endOrComma('}', more))
                return false;
        }
        return true;
    }

    JsonCursor m_c;
    int m_maxDepth;
};

} // namespace

JsonReadResult readJson(QByteArrayView text, int maxDepth)
{
    return Parser(text, maxDepth).run();
}

} // namespace elu
