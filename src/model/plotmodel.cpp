// SPDX-License-Identifier: MIT
#include "plotmodel.h"

#include <algorithm>
#include <cmath>

namespace elu {

namespace {

bool isWithinWindowRange(double value)
{
    return std::isfinite(value) && std::abs(value) <= PlotModel::rangeLimit;
}

} // namespace

PlotModel::PlotModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int PlotModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_spec.curves.size());
}

QVariant PlotModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const std::size_t row = std::size_t(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return m_spec.curves[row].displayLabel();
    case Qt::CheckStateRole:
        return m_appearance[row].visible ? Qt::Checked : Qt::Unchecked;
    case ColourSlotRole:
        return m_appearance[row].colourSlot;
    case CustomColourRole:
        return m_appearance[row].customRgb ? QVariant(*m_appearance[row].customRgb) : QVariant();
    case CurveSpecRole:
        return m_spec.curves[row].spec();
    default:
        return {};
    }
}

bool PlotModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::CheckStateRole)
        return false;
    return setCurveVisible(index.row(), value.toInt() == Qt::Checked);
}

Qt::ItemFlags PlotModel::flags(const QModelIndex &index) const
{
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

PlotSpec PlotModel::visibleSpec() const
{
    PlotSpec visible = m_spec;
    visible.curves.clear();
    for (std::size_t i = 0; i < m_spec.curves.size(); ++i) {
        if (m_appearance[i].visible)
            visible.curves.push_back(m_spec.curves[i]);
    }
    return visible;
}

std::vector<CurveAppearance> PlotModel::visibleAppearance() const
{
    std::vector<CurveAppearance> visible;
    for (const CurveAppearance &appearance : m_appearance) {
        if (appearance.visible)
            visible.push_back(appearance);
    }
    return visible;
}

QString PlotModel::setSpec(const PlotSpec &spec)
{
    if (QString error = validate(spec); !error.isEmpty())
        return error;
    if (m_rangeLimited && (!isWithinWindowRange(spec.xmin) || !isWithinWindowRange(spec.xmax)))
        return QStringLiteral("the window shows ranges within ±%1").arg(formatNumber(rangeLimit));
    if (spec.curves.size() != m_spec.curves.size()) {
        beginResetModel();
        // Curves that stay keep their appearance; new rows take the free colour slots.
        m_appearance.resize(std::min(m_appearance.size(), spec.curves.size()));
        while (m_appearance.size() < spec.curves.size())
            m_appearance.push_back({firstFreeSlot(), std::nullopt, true});
        m_selected = std::min(m_selected, int(spec.curves.size()) - 1);
        m_spec = spec;
        endResetModel();
        emit appearanceChanged();
        emit selectedCurveChanged(m_selected);
        emit specChanged(m_spec);
        return {};
    }
    apply(spec);
    return {};
}

QString PlotModel::setState(const PlotSpec &spec, const std::vector<CurveAppearance> &appearance,
                            int selected, PlotLayout layout)
{
    if (appearance.size() != spec.curves.size())
        return QStringLiteral("%1 curves but %2 appearances")
            .arg(spec.curves.size())
            .arg(appearance.size());
    for (const CurveAppearance &a : appearance) {
        if (a.colourSlot < 0 || a.colourSlot >= limits::curvesMax)
            return QStringLiteral("colour slots are 0 to %1 (got %2)")
                .arg(limits::curvesMax - 1)
                .arg(a.colourSlot);
    }
    if (selected < 0 || std::size_t(selected) >= spec.curves.size())
        return QStringLiteral("the selected curve %1 does not exist").arg(selected);
    if (QString error = setSpec(spec); !error.isEmpty())
        return error;
    beginResetModel();
    m_appearance = appearance;
    m_selected = selected;
    endResetModel();
    emit appearanceChanged();
    emit selectedCurveChanged(m_selected);
    setLayout(layout);
    return {};
}

QString PlotModel::addCurves(const std::vector<Curve> &curves)
{
    PlotSpec next = m_spec;
    next.curves.insert(next.curves.end(), curves.begin(), curves.end());
    if (QString error = validate(next); !error.isEmpty())
        return error;
    const int first = rowCount();
    beginInsertRows(QModelIndex(), first, first + int(curves.size()) - 1);
    for (const Curve &curve : curves) {
        m_spec.curves.push_back(curve);
        m_appearance.push_back({firstFreeSlot(), std::nullopt, true});
    }
    endInsertRows();
    emit appearanceChanged();
    emit specChanged(m_spec);
    setSelectedCurve(first);
    return {};
}

bool PlotModel::removeCurve(int row)
{
    if (row < 0 || row >= rowCount() || rowCount() == 1)
        return false;
    beginRemoveRows(QModelIndex(), row, row);
    m_spec.curves.erase(m_spec.curves.begin() + row);
    m_appearance.erase(m_appearance.begin() + row);
    endRemoveRows();
    const int selected = std::min(m_selected > row ? m_selected - 1 : m_selected, rowCount() - 1);
    const bool selectionMoved = selected != m_selected || row == m_selected;
    m_selected = selected;
    emit appearanceChanged();
    emit specChanged(m_spec);
    if (selectionMoved)
        emit selectedCurveChanged(m_selected);
    return true;
}

bool PlotModel::setCurveVisible(int row, bool visible)
{
    if (row < 0 || row >= rowCount())
        return false;
    if (m_appearance[std::size_t(row)].visible != visible) {
        m_appearance[std::size_t(row)].visible = visible;
        emit dataChanged(index(row), index(row), {Qt::CheckStateRole});
        emit appearanceChanged();
    }
    return true;
}

bool PlotModel::setCurveColour(int row, std::optional<quint32> rgb)
{
    if (row < 0 || row >= rowCount() || (rgb && *rgb > 0xFFFFFFu))
        return false;
    if (m_appearance[std::size_t(row)].customRgb != rgb) {
        m_appearance[std::size_t(row)].customRgb = rgb;
        emit dataChanged(index(row), index(row), {CustomColourRole});
        emit appearanceChanged();
    }
    return true;
}

bool PlotModel::setSelectedCurve(int row)
{
    if (row < 0 || row >= rowCount())
        return false;
    if (row != m_selected) {
        m_selected = row;
        emit selectedCurveChanged(row);
    }
    return true;
}

void PlotModel::setLayout(PlotLayout layout)
{
    if (layout == m_layout)
        return;
    m_layout = layout;
    emit layoutChanged(layout);
}

int PlotModel::firstFreeSlot() const
{
    for (int slot = 0;; ++slot) {
        if (std::none_of(m_appearance.begin(), m_appearance.end(),
                         [&](const CurveAppearance &a) { return a.colourSlot == slot; }))
            return slot;
    }
}

bool PlotModel::setCurveParameter(double value)
{
    const Curve &current = selected();
    if (!current.descriptor().parameter || !parameterError(current.activation, value).isEmpty())
        return false;
    PlotSpec next = m_spec;
    next.curves[std::size_t(m_selected)].parameter = value;
    if (!validate(next).isEmpty()) // the same as another curve
        return false;
    apply(next);
    return true;
}

bool PlotModel::setXmin(double xmin)
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

bool PlotModel::setXmax(double xmax)
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

bool PlotModel::setPoints(qint64 points)
{
    if (!pointsError(points).isEmpty())
        return false;
    PlotSpec next = m_spec;
    next.points = points;
    apply(next);
    return true;
}

void PlotModel::apply(const PlotSpec &spec)
{
    if (spec == m_spec)
        return;
    const bool curvesChanged = spec.curves != m_spec.curves;
    m_spec = spec;
    if (curvesChanged)
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::DisplayRole, CurveSpecRole});
    emit specChanged(m_spec);
}

} // namespace elu
