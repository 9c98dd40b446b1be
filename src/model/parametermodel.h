// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"

#include <QObject>

namespace elu {

/// The explorer's current parameters, shared by the controls, the plot and the exporters.
/// Setters refuse invalid values (the last good state stays) and keep xmin < xmax by moving the
/// other end, which they announce through rangeEndMoved so the user can see what happened.
class ParameterModel : public QObject
{
    Q_OBJECT

public:
    enum class RangeEnd { Min, Max };
    Q_ENUM(RangeEnd)

    /// The window's range limits: both ends stay within ±rangeLimit. When an edit would make
    /// xmin ≥ xmax, the other end moves to minimumGap beyond the edited one.
    static constexpr double rangeLimit = 1e6;
    static constexpr double minimumGap = 0.01;

    explicit ParameterModel(QObject *parent = nullptr);

    const PlotSpec &spec() const { return m_spec; }

    /// Sets every value at once; refuses (returns the error) when validate() fails or the range
    /// exceeds ±rangeLimit.
    QString setSpec(const PlotSpec &parameters);

    /// Each returns false and changes nothing for a non-finite or out-of-range value.
    /// The first curve's parameter (α for ELU); false for an activation without one.
    bool setCurveParameter(double value);
    bool setXmin(double xmin);
    bool setXmax(double xmax);
    bool setPoints(qint64 points);

signals:
    void specChanged(const elu::PlotSpec &parameters);
    /// The other end moved to keep xmin < xmax: `end` is the one that moved, to `value`.
    void rangeEndMoved(elu::ParameterModel::RangeEnd end, double value);

private:
    void apply(const PlotSpec &parameters);

    PlotSpec m_spec;
};

} // namespace elu
