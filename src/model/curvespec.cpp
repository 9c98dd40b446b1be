// SPDX-License-Identifier: MIT
#include "curvespec.h"

#include "catalogue.h"

#include <QStringList>

namespace elu {

namespace {

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

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
        bool ok = false;
        const double value = item.trimmed().toDouble(&ok);
        if (!ok || !row->parameter->accepts(value)) {
            return refused(QStringLiteral("%1 must be %2 (got '%3')")
                               .arg(expected, row->parameter->acceptedText(), item.trimmed()));
        }
        parsed.curves.push_back({row->id, value});
    }
    return parsed;
}

} // namespace elu
