// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QListView;
class QToolButton;
class QPushButton;
namespace elu {
class PlotModel;
}

/// The curve list beside the plot: one row per curve of a PlotModel with its colour swatch,
/// its name and parameter, a visibility check box and a remove button (×). "Add curve" offers
/// the whole catalogue, "Add family…" one activation at several parameter values, "Colour…"
/// recolours the selected curve. Selecting a row selects the model's curve; Delete removes it.
class CurveListWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CurveListWidget(elu::PlotModel *model, QWidget *parent = nullptr);

    QListView *view() const { return m_view; }
    QToolButton *addButton() const { return m_add; }
    QPushButton *familyButton() const { return m_family; }
    QPushButton *colourButton() const { return m_colour; }

    /// Seam for tests: opens the family dialog (the default) and returns its text's curves.
    void addFamily();
    void recolourSelected();

signals:
    /// A note for the status bar (a refused addition, the 8-curve limit).
    void note(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void addCurveOf(int activationIndex);
    void showSelection(int row);
    void updateButtons();

    elu::PlotModel *m_model;
    QListView *m_view;
    QToolButton *m_add;
    QPushButton *m_family;
    QPushButton *m_colour;
};
