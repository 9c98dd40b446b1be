// SPDX-License-Identifier: MIT
#include "momentstablemodel.h"

MomentsTableModel::MomentsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MomentsTableModel::setRows(std::vector<elu::CurveMoments> rows)
{
    if (rows.size() != m_rows.size()) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::DisplayRole, Qt::ToolTipRole});
}

int MomentsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MomentsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MomentsTableModel::cellText(int row, int column) const
{
    const elu::CurveMoments &r = m_rows[std::size_t(row)];
    switch (column) {
    case CurveColumn:
        return r.curve.displayLabel();
    case MeanColumn:
        return elu::formatNumber(r.moments.mean);
    case VarianceColumn:
        return elu::formatNumber(r.moments.variance);
    case MeanDerivativeColumn:
        return elu::formatNumber(r.moments.meanDerivative);
    case MeanDerivativeSquaredColumn:
        return elu::formatNumber(r.moments.meanDerivativeSquared);
    default:
        return {};
    }
}

QVariant MomentsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return index.column() == CurveColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                             : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return index.column() == CurveColumn
                   ? QVariant()
                   : QVariant(tr("%1 of %2 for X ~ N(μ, σ²)")
                                  .arg(headerData(index.column(), Qt::Horizontal).toString(),
                                       cellText(index.row(), CurveColumn)));
    default:
        return {};
    }
}

QVariant MomentsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CurveColumn:
        return tr("Curve");
    case MeanColumn:
        return tr("E[f(X)]");
    case VarianceColumn:
        return tr("Var[f(X)]");
    case MeanDerivativeColumn:
        return tr("E[f′(X)]");
    case MeanDerivativeSquaredColumn:
        return tr("E[f′(X)²]");
    default:
        return {};
    }
}

QString MomentsTableModel::tabSeparatedText() const
{
    QStringList header;
    for (int column = 0; column < ColumnCount; ++column)
        header << headerData(column, Qt::Horizontal).toString();
    QString text = header.join(QLatin1Char('\t')) + QLatin1Char('\n');
    for (int row = 0; row < rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells << cellText(row, column);
        text += cells.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return text;
}
