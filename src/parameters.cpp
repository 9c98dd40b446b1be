// SPDX-License-Identifier: MIT
#include "parameters.h"

#include "numberformat.h"

#include <cmath>

namespace elu {

QString alphaError(double alpha)
{
    if (std::isfinite(alpha) && alpha >= limits::alphaMin && alpha <= limits::alphaMax)
        return {};
    return QStringLiteral("α must be a finite number from %1 to %2")
        .arg(formatNumber(limits::alphaMin), formatNumber(limits::alphaMax));
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

QString validate(const Parameters &parameters)
{
    if (QString error = alphaError(parameters.alpha); !error.isEmpty())
        return error;
    if (QString error = rangeError(parameters.xmin, parameters.xmax); !error.isEmpty())
        return error;
    return pointsError(parameters.points);
}

QString formatNumber(double value)
{
    char buffer[maxNumberLength];
    return QString::fromLatin1(buffer, writeShortest(buffer, value) - buffer);
}

} // namespace elu
