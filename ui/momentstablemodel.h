// SPDX-License-Identifier: MIT
#pragma once

#include "statswriter.h"

#include <QAbstractTableModel>

#include <vector>

/// The statistics panel's table: one row per curve, its label and E[f(X)], Var[f(X)], E[f′(X)],
/// E[f′(X)²] in shortest round-trip form (what the JSON export writes, so a copied value is the
/// exported one).
class MomentsTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        CurveColumn,
        MeanColumn,
        VarianceColumn,
        MeanDerivativeColumn,
        MeanDerivativeSquaredColumn,
        ColumnCount
    };

    explicit MomentsTableModel(QObject *parent = nullptr);

    /// Shows `rows`: one dataChanged for the numbers when the curves stay the same number,
    /// else a reset.
    void setRows(std::vector<elu::CurveMoments> rows);
    const std::vector<elu::CurveMoments> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The table as tab-separated text: the header line, then one line per curve, each ending
    /// in a newline; numbers as shown.
    QString tabSeparatedText() const;

private:
    QString cellText(int row, int column) const;

    std::vector<elu::CurveMoments> m_rows;
};
