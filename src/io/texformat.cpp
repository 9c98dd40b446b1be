// SPDX-License-Identifier: MIT
#include "texformat.h"

#include "numberformat.h"
#include "texwriter.h"

namespace elu {

QByteArray texNumber(double value)
{
    char buffer[maxNumberLength];
    return QByteArray(buffer, int(writeShortest(buffer, value) - buffer));
}

// "= 0.5", or "\approx 1.67326" when six significant digits are not the exact value, with
// "1e-05" as "1 \cdot 10^{-5}": the window's equalsOrAbout in math mode.
QString texMathNumber(double value, bool withRelation)
{
    const QString exact = formatNumber(value);
    QString shown = QString::number(value, 'g', 6);
    const QString relation = shown == exact ? QStringLiteral("= ") : QStringLiteral("\\approx ");
    const qsizetype e = shown.indexOf(QLatin1Char('e'));
    if (e >= 0) {
        const int exponent = shown.mid(e + 1).toInt();
        shown = QStringLiteral("%1 \\cdot 10^{%2}").arg(shown.left(e)).arg(exponent);
    }
    return withRelation ? relation + shown : shown;
}

// "\mathrm{Leaky\ ReLU}": a display name in math mode.
QString texMathName(const QString &name)
{
    // A hyphen ("GELU-tanh") would be a minus sign in math mode.
    return QStringLiteral("\\mathrm{%1}")
        .arg(escapeTex(name)
                 .replace(QLatin1Char(' '), QStringLiteral("\\ "))
                 .replace(QLatin1Char('-'), QStringLiteral("\\mbox{-}")));
}

QString texParameterText(const Curve &curve)
{
    const Activation &row = curve.descriptor();
    if (!row.parameter)
        return {};
    QString symbol = row.parameter->symbol;
    if (symbol == QStringLiteral("α"))
        symbol = QStringLiteral("\\alpha");
    else if (symbol == QStringLiteral("β"))
        symbol = QStringLiteral("\\beta");
    return QStringLiteral(", $%1 %2$").arg(symbol, texMathNumber(curve.parameter, true));
}

QString escapeTex(const QString &text)
{
    QString escaped;
    for (const QChar ch : text) {
        switch (ch.unicode()) {
        case '\\':
            escaped += QStringLiteral("\\textbackslash{}");
            break;
        case '^':
            escaped += QStringLiteral("\\^{}");
            break;
        case '~':
            escaped += QStringLiteral("\\~{}");
            break;
        case '_':
        case '%':
        case '&':
        case '#':
        case '$':
        case '{':
        case '}':
            escaped += QLatin1Char('\\') + ch;
            break;
        default:
            escaped += ch;
        }
    }
    return escaped;
}

} // namespace elu
