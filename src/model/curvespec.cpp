// SPDX-License-Identifier: MIT
#include "curvespec.h"

#include "catalogue.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace elu {

namespace {

ParsedCurves refused(QString error)
{
    return {{}, std::move(error)};
}

} // namespace

ParsedCurves parseCurveSpec(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString name = text.left(colon).trimmed();
    const Activation *row = findActivation(name);
    if (!row) {
        return refused(QStringLiteral("'%1' is not an activation: the activations are %2")
                           .arg(name, activationNames()));
    }
    if (colon < 0)
        return {{Curve::withDefault(row->id)}, {}};

    const QString rest = text.mid(colon + 1);
    const qsizetype equals = rest.indexOf(QLatin1Char('='));
    const QString keyword = rest.left(equals).trimmed();
    if (!row->parameter) {
        return refused(QStringLiteral("%1 takes no parameter (got '%2')")
                           .arg(latin1(row->name), rest.trimmed()));
    }
    const QString expected = latin1(row->parameter->keyword);
    if (equals < 0 || keyword != expected) {
        return refused(QStringLiteral("'%1' is not %2's parameter: write %2:%3=V or %2:%3=V1,V2")
                           .arg(rest.trimmed(), latin1(row->name), expected));
    }

    ParsedCurves parsed;
    for (const QString &item : rest.mid(equals + 1).split(QLatin1Char(','))) {
        const std::optional<double> number = parseDecimal(item);
        const double value = number.value_or(std::nan(""));
        if (!number || !row->parameter->accepts(value)) {
            return refused(QStringLiteral("%1 must be %2 (got '%3')")
                               .arg(expected, row->parameter->acceptedText(), item.trimmed()));
        }
        parsed.curves.push_back({row->id, value});
    }
    return parsed;
}

std::vector<double> evenlySpacedValues(double from, double to, int count)
{
    std::vector<double> values;
    for (int i = 0; i < count; ++i)
        values.push_back(count == 1 ? from : std::lerp(from, to, double(i) / (count - 1)));
    return values;
}

ParsedCurves parseFamily(ActivationId activation, const QString &text)
{
    const Activation &row = elu::activation(activation);
    if (!row.parameter)
        return refused(QStringLiteral("%1 has no parameter to vary").arg(row.displayName));
    const ActivationParameter &parameter = *row.parameter;
    const QString keyword = latin1(parameter.keyword);
    auto number = [](const QString &item, bool &ok) {
        const std::optional<double> value = parseDecimal(item);
        ok = value.has_value();
        return value.value_or(0.0);
    };

    std::vector<double> values;
    static const QRegularExpression range(
        QStringLiteral(R"(^\s*(\S+)\s+to\s+(\S+)\s+by\s+(\d+)\s*$)"));
    if (const QRegularExpressionMatch match = range.match(text); match.hasMatch()) {
        bool okFrom = false, okTo = false, okCount = false;
        const double from = number(match.captured(1), okFrom);
        const double to = number(match.captured(2), okTo);
        const int count = match.captured(3).toInt(&okCount);
        if (!okFrom || !okTo || !okCount || count < 1 || count > limits::curvesMax)
            return refused(QStringLiteral("a range is FROM to TO by COUNT, with 1 to %1 values "
                                          "(e.g. 0.5 to 2 by 4)")
                               .arg(limits::curvesMax));
        values = evenlySpacedValues(from, to, count);
    } else {
        static const QRegularExpression separators(QStringLiteral(R"([,;\s]+)"));
        for (const QString &item : text.split(separators, Qt::SkipEmptyParts)) {
            bool ok = false;
            const double value = number(item, ok);
            if (!ok)
                return refused(QStringLiteral("'%1' is not a number: type values like 0.5, 1, 2 "
                                              "or a range like 0.5 to 2 by 4")
                                   .arg(item));
            values.push_back(value);
        }
    }
    if (values.empty())
        return refused(QStringLiteral("type values like 0.5, 1, 2 or a range like 0.5 to 2 by 4"));
    if (values.size() > std::size_t(limits::curvesMax))
        return refused(QStringLiteral("a plot holds at most %1 curves (got %2 values)")
                           .arg(limits::curvesMax)
                           .arg(values.size()));
    ParsedCurves parsed;
    for (const double value : values) {
        if (!parameter.accepts(value))
            return refused(QStringLiteral("%1 must be %2 (got %3)")
                               .arg(keyword, parameter.acceptedText(), formatNumber(value)));
        const Curve curve{activation, value};
        if (std::find(parsed.curves.begin(), parsed.curves.end(), curve) != parsed.curves.end())
            return refused(QStringLiteral("%1 = %2 is given twice").arg(keyword, formatNumber(value)));
        parsed.curves.push_back(curve);
    }
    return parsed;
}

} // namespace elu
