// SPDX-License-Identifier: MIT
#pragma once

#include "plotspec.h"
#include "session.h"

#include <QAbstractListModel>

namespace elu {

/// The one model of the explorer: the curves (one row each, with their appearance), the
/// shared range and point count, the selected curve and the layout. The plot view, the
/// controls, the curve list, the readout, the note and the exporters all observe it.
/// Setters refuse invalid values (the last good state stays) and keep xmin < xmax by moving the
/// other end, which they announce through rangeEndMoved so the user can see what happened.
class PlotModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class RangeEnd { Min, Max };
    Q_ENUM(RangeEnd)

    /// Roles beside Qt::DisplayRole (the curve's label, "ELU, α = 0.5") and
    /// Qt::CheckStateRole (visible or not; settable).
    enum Role {
        ColourSlotRole = Qt::UserRole + 1, ///< int, the Okabe–Ito slot
        CustomColourRole,                  ///< quint32 0xRRGGBB, or invalid when none
        CurveSpecRole,                     ///< "elu:alpha=0.5", the --curve form
    };

    /// The window's range limits: both ends stay within ±rangeLimit. When an edit would make
    /// xmin ≥ xmax, the other end moves to minimumGap beyond the edited one.
    static constexpr double rangeLimit = 1e6;
    static constexpr double minimumGap = 0.01;

    explicit PlotModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const PlotSpec &spec() const { return m_spec; }
    const std::vector<CurveAppearance> &appearance() const { return m_appearance; }
    /// The spec of the visible curves only, with their appearance: what plots and figures draw.
    /// Never empty: with every curve hidden it holds none and `curves` is empty.
    PlotSpec visibleSpec() const;
    std::vector<CurveAppearance> visibleAppearance() const;
    int selectedCurve() const { return m_selected; }
    const Curve &selected() const { return m_spec.curves[std::size_t(m_selected)]; }
    PlotLayout layout() const { return m_layout; }

    /// Sets every value at once; refuses (returns the error) when validate() fails or the range
    /// exceeds ±rangeLimit. Curves that stay where they were keep their appearance; new ones get
    /// the first free colour slots.
    QString setSpec(const PlotSpec &spec);

    /// Everything at once (a session, Restore defaults): refuses (returns the error) an invalid
    /// spec, an appearance list of another length or a colour slot outside 0 to 7, or a selected
    /// row that does not exist.
    QString setState(const PlotSpec &spec, const std::vector<CurveAppearance> &appearance,
                     int selected, PlotLayout layout);
    /// The window limits the range to ±rangeLimit (the default); figures and exports may show
    /// any finite range.
    void setRangeLimited(bool limited) { m_rangeLimited = limited; }

    /// Adds curves at the end (one, or a family); refuses (returns the error) when the plot would
    /// hold more than 8 curves or a curve twice. The first added curve becomes the selected one.
    QString addCurves(const std::vector<Curve> &curves);
    /// Removes curve `row`; the last curve cannot be removed (returns false).
    bool removeCurve(int row);
    bool setCurveVisible(int row, bool visible);
    /// 0xRRGGBB, or nullopt for the curve's palette colour.
    bool setCurveColour(int row, std::optional<quint32> rgb);
    bool setSelectedCurve(int row);
    void setLayout(PlotLayout layout);

    /// Each returns false and changes nothing for a non-finite or out-of-range value.
    /// The selected curve's parameter (α for ELU); false for an activation without one, or a
    /// value that would make the curve the same as another.
    bool setCurveParameter(double value);
    bool setXmin(double xmin);
    bool setXmax(double xmax);
    bool setPoints(qint64 points);

signals:
    /// Curves (any parameter, any curve added or removed), range or points changed.
    void specChanged(const elu::PlotSpec &spec);
    /// A curve's colour or visibility changed, or curves were added or removed.
    void appearanceChanged();
    void selectedCurveChanged(int row);
    void layoutChanged(elu::PlotLayout layout);
    /// The other end moved to keep xmin < xmax: `end` is the one that moved, to `value`.
    void rangeEndMoved(elu::PlotModel::RangeEnd end, double value);

private:
    void apply(const PlotSpec &spec);
    int firstFreeSlot() const;

    PlotSpec m_spec;
    std::vector<CurveAppearance> m_appearance = std::vector<CurveAppearance>(1);
    int m_selected = 0;
    PlotLayout m_layout = PlotLayout::Overlaid;
    bool m_rangeLimited = true;
};

} // namespace elu
