// SPDX-License-Identifier: MIT
#include "plotspec.h"

#include "catalogue.h"
#include "numberformat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

namespace elu {

Curve Curve::withDefault(ActivationId activation)
{
    const auto &parameter = elu::activation(activation).parameter;
    return {activation, parameter ? parameter->defaultValue : 0.0};
}

const Activation &Curve::descriptor() const
{
    return elu::activation(activation);
}

double Curve::value(double x) const noexcept
{
    return descriptor().value(x, parameter);
}

double Curve::derivative(double x) const noexcept
{
    return descriptor().derivative(x, parameter);
}

QString Curve::fileStem(bool withParameter) const
{
    const Activation &row = descriptor();
    QString stem = elu::latin1(row.name);
    if (withParameter && row.parameter) {
        stem += QLatin1Char('-')
                + QString::fromLatin1(row.parameter->keyword.data(),
                                      qsizetype(row.parameter->keyword.size()))
                + QLatin1Char('-') + formatNumber(parameter);
    }
    return stem;
}

QString Curve::displayLabel() const
{
    const Activation &row = descriptor();
    if (!row.parameter)
        return row.displayName;
    return QStringLiteral("%1, %2 = %3")
        .arg(row.displayName, row.parameter->symbol, formatNumber(parameter));
}

QString Curve::spec() const
{
    const Activation &row = descriptor();
    QString text = elu::latin1(row.name);
    if (row.parameter) {
        text += QLatin1Char(':')
                + QString::fromLatin1(row.parameter->keyword.data(),
                                      qsizetype(row.parameter->keyword.size()))
                + QLatin1Char('=') + formatNumber(parameter);
    }
    return text;
}

QString alphaError(double alpha)
{
    if (std::isfinite(alpha) && alpha >= limits::alphaMin && alpha <= limits::alphaMax)
        return {};
    return QStringLiteral("α must be a finite number from %1 to %2")
        .arg(formatNumber(limits::alphaMin), formatNumber(limits::alphaMax));
}

QString parameterError(ActivationId activation, double value)
{
    const auto &parameter = elu::activation(activation).parameter;
    if (!parameter || parameter->accepts(value))
        return {};
    return QStringLiteral("%1 must be %2")
        .arg(elu::latin1(parameter->keyword),
             parameter->acceptedText());
}

QString rangeError(double xmin, double xmax)
{
    if (!std::isfinite(xmin) || !std::isfinite(xmax))
        return QStringLiteral("the range ends must be finite numbers");
    if (!(xmin < xmax))
        return QStringLiteral("xmin must be less than xmax (got xmin = %1, xmax = %2)")
            .arg(formatNumber(xmin), formatNumber(xmax));
    return {};
}

QString pointsError(qint64 points)
{
    if (points >= limits::pointsMin && points <= limits::pointsMax)
        return {};
    return QStringLiteral("the number of points must be a whole number from %1 to %2")
        .arg(limits::pointsMin)
        .arg(limits::pointsMax);
}

QString curveCountError(std::size_t count)
{
    if (count >= 1 && count <= std::size_t(limits::curvesMax))
        return {};
    return QStringLiteral("a plot holds 1 to %1 curves (got %2)").arg(limits::curvesMax).arg(count);
}

QString validate(const PlotSpec &spec)
{
    if (QString error = curveCountError(spec.curves.size()); !error.isEmpty())
        return error;
    for (auto curve = spec.curves.begin(); curve != spec.curves.end(); ++curve) {
        if (QString error = parameterError(curve->activation, curve->parameter); !error.isEmpty())
            return error;
        if (std::find(spec.curves.begin(), curve, *curve) != curve)
            return QStringLiteral("the curve %1 is given twice").arg(curve->spec());
    }
    if (QString error = rangeError(spec.xmin, spec.xmax); !error.isEmpty())
        return error;
    return pointsError(spec.points);
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// For decimal text that std::from_chars read whole but found out of range: whether its
// magnitude is at least 1 (an overflow) or below it (an underflow). The first non-zero digit
// stands at 10^k; the exponent moves it. Exponents are capped, far beyond any double's range.
bool magnitudeAtLeastOne(const char *p, const char *end)
{
    qint64 k = 0;
    bool found = false;
    for (; p != end && isDigit(*p); ++p) {
        if (found)
            ++k;
        else if (*p != '0')
            found = true;
    }
    if (p != end && *p == '.') {
        qint64 zeros = 0;
        for (++p; p != end && isDigit(*p); ++p) {
            if (found)
                continue;
            if (*p != '0') {
                found = true;
                k = -(zeros + 1);
            } else {
                ++zeros;
            }
        }
    }
    qint64 exponent = 0;
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        const bool negative = p != end && *p == '-';
        if (p != end && (*p == '+' || *p == '-'))
            ++p;
        for (; p != end && isDigit(*p); ++p)
            exponent = std::min<qint64>(exponent * 10 + (*p - '0'), qint64(1) << 40);
        if (negative)
            exponent = -exponent;
    }
    return k + exponent >= 0;
}

} // namespace

std::optional<double> parseDecimal(QStringView text)
{
    text = text.trimmed();
    std::string bytes;
    bytes.reserve(std::size_t(text.size()));
    for (const QChar c : text) {
        if (c.unicode() > 0x7f)
            return std::nullopt;
        bytes.push_back(char(c.unicode()));
    }
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    // from_chars takes no '+' and would take a second sign after ours: the sign is read here.
    bool negative = false;
    if (p != end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
    if (p == end || *p == '+' || *p == '-')
        return std::nullopt;
    double value = 0.0;
    const auto [stop, error] = std::from_chars(p, end, value, std::chars_format::general);
    if (stop != end)
        return std::nullopt;
    // Out of range: the nearest double is 0 (underflow) or beyond the largest (overflow);
    // from_chars leaves `value` alone then.
    if (error == std::errc::result_out_of_range)
        value = magnitudeAtLeastOne(p, end) ? std::numeric_limits<double>::infinity() : 0.0;
    else if (error != std::errc())
        return std::nullopt;
    return negative ? -value : value;
}

QString formatNumber(double value)
{
    char buffer[maxNumberLength];
    return QString::fromLatin1(buffer, writeShortest(buffer, value) - buffer);
}

} // namespace elu
