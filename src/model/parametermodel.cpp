// SPDX-License-Identifier: MIT
#include "parametermodel.h"

#include <cmath>

namespace elu {

namespace {

bool isWithinWindowRange(double value)
{
    return std::isfinite(value) && std::abs(value) <= ParameterModel::rangeLimit;
}

} // namespace

ParameterModel::ParameterModel(QObject *parent)
    : QObject(parent)
{
}

QString ParameterModel::setSpec(const PlotSpec &parameters)
{
    if (QString error = validate(parameters); !error.isEmpty())
        return error;
    if (!isWithinWindowRange(parameters.xmin) || !isWithinWindowRange(parameters.xmax))
        return QStringLiteral("the window shows ranges within ±%1").arg(formatNumber(rangeLimit));
    apply(parameters);
    return {};
}

bool ParameterModel::setCurveParameter(double value)
{
    const Curve &current = m_spec.curves.front();
    if (!current.descriptor().parameter || !parameterError(current.activation, value).isEmpty())
        return false;
    PlotSpec next = m_spec;
    next.curves.front().parameter = value;
    apply(next);
    return true;
}

bool ParameterModel::setXmin(double xmin)
{
    if (!isWithinWindowRange(xmin))
        return false;
    PlotSpec next = m_spec;
    next.xmin = std::min(xmin, rangeLimit - minimumGap);
    const bool moveMax = next.xmin >= next.xmax;
    if (moveMax)
        next.xmax = next.xmin + minimumGap;
    apply(next);
    if (moveMax)
        emit rangeEndMoved(RangeEnd::Max, next.xmax);
    return true;
}

bool ParameterModel::setXmax(double xmax)
{
    if (!isWithinWindowRange(xmax))
        return false;
    PlotSpec next = m_spec;
    next.xmax = std::max(xmax, -rangeLimit + minimumGap);
    const bool moveMin = next.xmin >= next.xmax;
    if (moveMin)
        next.xmin = next.xmax - minimumGap;
    apply(next);
    if (moveMin)
        emit rangeEndMoved(RangeEnd::Min, next.xmin);
    return true;
}

bool ParameterModel::setPoints(qint64 points)
{
    if (!pointsError(points).isEmpty())
        return false;
    PlotSpec next = m_spec;
    next.points = points;
    apply(next);
    return true;
}

void ParameterModel::apply(const PlotSpec &parameters)
{
    if (parameters == m_spec)
        return;
    m_spec = parameters;
    emit specChanged(m_spec);
}

} // namespace elu
