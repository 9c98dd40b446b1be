// SPDX-License-Identifier: MIT
#include "curvelistwidget.h"

#include "catalogue.h"
#include "familydialog.h"
#include "plotmodel.h"
#include "plotstyle.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QListView>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

// Adds the colour swatch (Qt::DecorationRole) to the model's rows: the curve's own colour or
// its palette slot in the window's light or dark variant.
class SwatchModel : public QIdentityProxyModel
{
public:
    SwatchModel(QWidget *owner, QObject *parent)
        : QIdentityProxyModel(parent)
        , m_owner(owner)
    {
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DecorationRole)
            return QIdentityProxyModel::data(index, role);
        const QVariant custom = QIdentityProxyModel::data(index, elu::PlotModel::CustomColourRole);
        if (custom.isValid())
            return QColor::fromRgb(QRgb(custom.toUInt()));
        const int slot = QIdentityProxyModel::data(index, elu::PlotModel::ColourSlotRole).toInt();
        return PlotStyle::forPalette(m_owner->palette()).curveColor(slot);
    }

private:
    QWidget *m_owner;
};

// Paints each row as usual plus a remove button (×) at its right end, and removes the row
// when that button is clicked.
class RemoveButtonDelegate : public QStyledItemDelegate
{
public:
    RemoveButtonDelegate(elu::PlotModel *model, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_model(model)
    {
    }

    static QRect buttonRect(const QRect &row)
    {
        const int side = row.height();
        return QRect(row.right() - side + 1, row.top(), side, side);
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem rest = option;
        rest.rect.setRight(buttonRect(option.rect).left() - 1);
        QStyledItemDelegate::paint(painter, rest, index);
        if (m_model->rowCount() < 2)
            return; // the last curve stays
        painter->save();
        painter->setPen(option.palette.color(QPalette::Text));
        painter->drawText(buttonRect(option.rect), Qt::AlignCenter, QStringLiteral("×"));
        painter->restore();
    }

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        if (event->type() == QEvent::MouseButtonRelease
            && buttonRect(option.rect).contains(static_cast<QMouseEvent *>(event)->position().toPoint())) {
            m_model->removeCurve(index.row());
            return true;
        }
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }

private:
    elu::PlotModel *m_model;
};

} // namespace

CurveListWidget::CurveListWidget(elu::PlotModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QListView(this))
    , m_add(new QToolButton(this))
    , m_family(new QPushButton(tr("Add &family…"), this))
    , m_colour(new QPushButton(tr("Colo&ur…"), this))
{
    m_view->setModel(new SwatchModel(this, this));
    static_cast<QIdentityProxyModel *>(m_view->model())->setSourceModel(model);
    m_view->setItemDelegate(new RemoveButtonDelegate(model, this));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAccessibleName(tr("Curves"));
    m_view->setToolTip(tr("The curves of the plot: tick to show, × or Delete to remove; the "
                          "selected curve's parameter is on the slider"));
    m_view->installEventFilter(this);
    m_view->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Leaky ReLU, s = 0.0000× ")) + 40);

    m_add->setText(tr("&Add curve"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_add->setAccessibleName(tr("Add curve"));
    auto *menu = new QMenu(m_add);
    for (const elu::Activation &row : elu::catalogue()) {
        QAction *action = menu->addAction(QStringLiteral("%1 — %2").arg(row.displayName, row.formula));
        const int index = int(row.id);
        connect(action, &QAction::triggered, this, [this, index] { addCurveOf(index); });
    }
    m_add->setMenu(menu);
    m_family->setAccessibleName(tr("Add family"));
    m_family->setToolTip(tr("Add one activation at several parameter values"));
    m_colour->setAccessibleName(tr("Recolour the selected curve"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_family);
    buttons->addWidget(m_colour);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_family, &QPushButton::clicked, this, &CurveListWidget::addFamily);
    connect(m_colour, &QPushButton::clicked, this, &CurveListWidget::recolourSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_model->setSelectedCurve(current.row());
            });
    connect(model, &elu::PlotModel::selectedCurveChanged, this, &CurveListWidget::showSelection);
    connect(model, &QAbstractItemModel::modelReset, this,
            [this] { showSelection(m_model->selectedCurve()); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &CurveListWidget::updateButtons);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CurveListWidget::updateButtons);
    connect(model, &QAbstractItemModel::modelReset, this, &CurveListWidget::updateButtons);
    showSelection(model->selectedCurve());
    updateButtons();
}

void CurveListWidget::addCurveOf(int activationIndex)
{
    const elu::Curve curve = elu::Curve::withDefault(elu::ActivationId(activationIndex));
    if (const QString error = m_model->addCurves({curve}); !error.isEmpty())
        emit note(tr("%1 was not added: %2.").arg(curve.displayLabel(), error));
}

void CurveListWidget::addFamily()
{
    FamilyDialog dialog(m_model->selected().activation, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const QString error = m_model->addCurves(dialog.curves()); !error.isEmpty())
        emit note(tr("The family was not added: %1.").arg(error));
}

void CurveListWidget::recolourSelected()
{
    const int row = m_model->selectedCurve();
    const QColor current = m_view->model()->index(row, 0).data(Qt::DecorationRole).value<QColor>();
    const QColor chosen = QColorDialog::getColor(current, this, tr("Colour of %1")
                                                                   .arg(m_model->selected().displayLabel()));
    if (chosen.isValid())
        m_model->setCurveColour(row, chosen.rgb() & 0xFFFFFFu);
}

void CurveListWidget::showSelection(int row)
{
    const QModelIndex index = m_view->model()->index(row, 0);
    if (m_view->currentIndex() != index)
        m_view->setCurrentIndex(index);
}

void CurveListWidget::updateButtons()
{
    const bool full = m_model->rowCount() >= elu::limits::curvesMax;
    m_add->setEnabled(!full);
    m_family->setEnabled(!full);
    const QString why = tr("A plot holds at most %1 curves").arg(elu::limits::curvesMax);
    m_add->setToolTip(full ? why : tr("Add an activation of the catalogue"));
}

bool CurveListWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            m_model->removeCurve(m_model->selectedCurve());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
