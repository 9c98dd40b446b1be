// SPDX-License-Identifier: MIT
// The strings and numbers of readJson.
#include "jsonlexer.h"

#include <QByteArray>

#include <charconv>
#include <system_error>

namespace elu {

bool JsonCursor::failAt(const char *what, const char *at)
{
    if (error.isEmpty()) {
        error = at == end && at != begin
                    ? QStringLiteral("the text ends early (truncated?): ") + QLatin1String(what)
                    : QString(QLatin1String(what));
        errorOffset = at - begin;
    }
    return false;
}

namespace {

int hexDigit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

// Four hex digits after "\u".
bool hex4(JsonCursor &c, char32_t &out)
{
    out = 0;
    for (int i = 0; i < 4; ++i, ++c.pos) {
        const int digit = c.pos == c.end ? -1 : hexDigit(*c.pos);
        if (digit < 0)
            return c.fail("\\u needs four hexadecimal digits");
        out = out * 16 + char32_t(digit);
    }
    return true;
}

void appendUtf8(QByteArray &bytes, char32_t code)
{
    if (code < 0x80) {
        bytes += char(code);
        return;
    }
    const int length = code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    static constexpr unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    char out[4];
    for (int i = length - 1; i > 0; --i, code >>= 6)
        out[i] = char(0x80 | (code & 0x3F));
    out[0] = char(lead[length] | code);
    bytes.append(out, length);
}

bool escape(JsonCursor &c, QByteArray &bytes)
{
    const char *start = c.pos++; // the backslash
    if (c.pos == c.end)
        return c.fail("an escape sequence is expected");
    const char ch = *c.pos++;
    static constexpr char from[] = "\"\\/bfnrt";
    static constexpr char to[] = "\"\\/\b\f\n\r\t";
    for (int i = 0; i < 8; ++i) {
        if (ch == from[i]) {
            bytes += to[i];
            return true;
        }
    }
    char32_t code = 0;
    if (ch != 'u')
        return c.failAt("not a JSON escape sequence", start);
    if (!hex4(c, code))
        return false;
    if (code >= 0xDC00 && code <= 0xDFFF)
        return c.failAt("a low surrogate without its high surrogate", start);
    if (code >= 0xD800 && code <= 0xDBFF) {
        char32_t low = 0;
        if (c.end - c.pos < 2 || c.pos[0] != '\\' || c.pos[1] != 'u')
            return c.failAt("a high surrogate without its low surrogate", start);
        c.pos += 2;
        if (!hex4(c, low))
            return false;
        if (low < 0xDC00 || low > 0xDFFF)
            return c.failAt("a high surrogate without its low surrogate", start);
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    appendUtf8(bytes, code);
    return true;
}

// One UTF-8 sequence of RFC 3629 (no overlong forms, no surrogates, at most U+10FFFF).
bool utf8Sequence(JsonCursor &c, QByteArray &bytes)
{
    const auto lead = static_cast<unsigned char>(*c.pos);
    int length = 0;
    unsigned char low = 0x80, high = 0xBF; // the second byte's range
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return c.fail("not valid UTF-8");
    }
    if (c.end - c.pos < length)
        return c.fail("not valid UTF-8");
    for (int i = 1; i < length; ++i) {
        const auto byte = static_cast<unsigned char>(c.pos[i]);
        if (byte < (i == 1 ? low : 0x80) || byte > (i == 1 ? high : 0xBF))
            return c.fail("not valid UTF-8");
    }
    bytes.append(c.pos, length);
    c.pos += length;
    return true;
}

bool isDigit(char ch)
{
    return ch >= '0' && ch <= '9';
}

} // namespace

bool readJsonString(JsonCursor &c, QString &out)
{
    ++c.pos; // '"'
    QByteArray bytes;
    for (;;) {
        if (c.pos == c.end)
            return c.fail("a string is not closed");
        const auto ch = static_cast<unsigned char>(*c.pos);
        if (ch == '"') {
            ++c.pos;
            out = QString::fromUtf8(bytes);
            return true;
        }
        if (ch < 0x20)
            return c.fail("a control character must be escaped in a string");
        if (ch == '\\') {
            if (!escape(c, bytes))
                return false;
        } else if (ch < 0x80) {
            bytes += char(ch);
            ++c.pos;
        } else if (!utf8Sequence(c, bytes)) {
            return false;
        }
    }
}

// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool readJsonNumber(JsonCursor &c, double &out)
{
    const char *start = c.pos;
    auto digits = [&c] {
        const char *first = c.pos;
        while (c.pos != c.end && isDigit(*c.pos))
            ++c.pos;
        return c.pos != first;
    };
    if (c.pos != c.end && *c.pos == '-')
        ++c.pos;
    if (c.pos != c.end && *c.pos == '0')
        ++c.pos;
    else if (!digits())
        return c.failAt("a value is expected (a number, string, object, array, true, false or "
                        "null)",
                        c.pos == c.end ? c.pos : start);
    if (c.pos != c.end && *c.pos == '.') {
        ++c.pos;
        if (!digits())
            return c.fail("a digit is expected after the decimal point");
    }
    if (c.pos != c.end && (*c.pos == 'e' || *c.pos == 'E')) {
        ++c.pos;
        if (c.pos != c.end && (*c.pos == '+' || *c.pos == '-'))
            ++c.pos;
        if (!digits())
            return c.fail("a digit is expected in the exponent");
    }
    const std::from_chars_result read = std::from_chars(start, c.pos, out);
    if (read.ec != std::errc() || read.ptr != c.pos)
        return c.failAt("the number is too large or too small for a double", start);
    return true;
}

} // namespace elu
