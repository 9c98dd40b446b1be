// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QString>

#include <charconv>
#include <vector>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace testsupport {

/// The article's single ELU curve with α on [xmin, xmax] at N points.
inline elu::PlotSpec eluSpec(double alpha, double xmin = -2.0, double xmax = 2.0,
                             qint64 points = 1000)
{
    elu::PlotSpec spec;
    spec.curves = {{elu::ActivationId::Elu, alpha}};
    spec.xmin = xmin;
    spec.xmax = xmax;
    spec.points = points;
    return spec;
}

/// Distance in units in the last place: 0 for equal doubles (+0 and −0 included), 1 for
/// neighbours, and so on across zero.
inline std::uint64_t ulpDistance(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::numeric_limits<std::uint64_t>::max();
    if (a == b)
        return 0;
    auto ordered = [](double v) {
        const auto bits = std::bit_cast<std::int64_t>(v);
        return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
    };
    const std::int64_t da = ordered(a), db = ordered(b);
    return da > db ? std::uint64_t(da) - std::uint64_t(db) : std::uint64_t(db) - std::uint64_t(da);
}

/// The exactly rounded reference of ELU or ELU′ computed in long double (64-bit significand),
/// a computation independent of the double code under test, for x beyond the golden cases.
inline double referenceValue(double x, double alpha)
{
    return x > 0
               ? x
               : double(static_cast<long double>(alpha) * std::expm1(static_cast<long double>(x)));
}
inline double referenceDerivative(double x, double alpha)
{
    return x > 0 ? 1.0
                 : double(static_cast<long double>(alpha) * std::exp(static_cast<long double>(x)));
}

/// The contract's bound: 1 ULP at α = 1, 2 ULP otherwise.
inline std::uint64_t ulpBound(double alpha)
{
    return alpha == 1.0 ? 1 : 2;
}

/// Parses a number with std::from_chars, which keeps −0.0 (QJsonDocument reads it as +0).
inline double parseNumber(QByteArrayView text)
{
    double value = std::nan("");
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

/// The numbers of the array `"key": [...]` in JSON text, parsed with parseNumber.
inline std::vector<double> jsonNumbers(const QByteArray &json, const QByteArray &key)
{
    std::vector<double> numbers;
    const qsizetype keyAt = json.indexOf("\"" + key + "\":");
    const qsizetype open = json.indexOf('[', keyAt);
    const qsizetype close = json.indexOf(']', open);
    if (keyAt < 0 || open < 0 || close < 0)
        return numbers;
    for (const QByteArray &item : json.mid(open + 1, close - open - 1).split(','))
        numbers.push_back(parseNumber(item.trimmed()));
    return numbers;
}

struct GoldenCase
{
    double alpha, x, y, yp;
};

/// The cases of tests/data/elu-golden.json (a copy of ../shared/reference/elu-golden.json),
/// read with parseNumber so that the file's −0.0 values keep their sign.
inline std::vector<GoldenCase> goldenCases()
{
    std::vector<GoldenCase> cases;
    QFile file(QStringLiteral(ELU_TEST_DATA_DIR "/elu-golden.json"));
    if (!file.open(QIODevice::ReadOnly))
        return cases;
    const QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression caseObject(QStringLiteral(
        R"re("alpha":\s*([^,\s]+),\s*"x":\s*([^,\s]+),\s*"y":\s*([^,\s]+),\s*"yp":\s*([^,\s}]+))re"));
    for (auto it = caseObject.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        auto number = [&](int group) { return parseNumber(match.captured(group).toLatin1()); };
        cases.push_back({number(1), number(2), number(3), number(4)});
    }
    return cases;
}

} // namespace testsupport
