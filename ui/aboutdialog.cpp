// SPDX-License-Identifier: MIT
#include "aboutdialog.h"

#include "catalogue.h"
#include "version.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace {

QLabel *addLabel(QVBoxLayout *layout, const QString &objectName, const QString &html)
{
    auto *label = new QLabel(html);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // Versions can be selected and copied into a bug report; links open in the browser.
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    layout->addWidget(label);
    return label;
}

} // namespace

AboutDialog::AboutDialog(const QString &plotLibraryVersion, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About ELU Explorer"));

    auto *text = new QVBoxLayout;
    addLabel(text, QStringLiteral("titleLabel"),
             tr("<h2>ELU Explorer %1</h2>").arg(QStringLiteral(ELU_EXPLORER_VERSION)));
    addLabel(text, QStringLiteral("summaryLabel"),
             tr("Explore the ELU activation function beside its relatives and export "
                "article-ready data and figures."));
    // The formulas keep their lines whole; they set the dialog's width, the rest wraps.
    QLabel *formula =
        addLabel(text, QStringLiteral("formulaLabel"),
                 tr("<p>ELU(x) = x for x &gt; 0, α·(e<sup>x</sup> − 1) otherwise<br>"
                    "ELU′(x) = 1 for x &gt; 0, α·e<sup>x</sup> otherwise (α at x = 0)</p>"
                    "<p>Computed with expm1, within 1 ULP of the exactly rounded value at α = 1 "
                    "and 2 ULP otherwise.</p>"));
    formula->setWordWrap(false);
    // The catalogue, from its one table: name, formula and smoothness of each activation.
    QString rows;
    for (const elu::Activation &row : elu::catalogue()) {
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(row.displayName.toHtmlEscaped(), row.formula.toHtmlEscaped(),
                         row.smoothnessSummary.toHtmlEscaped());
    }
    QLabel *catalogue = addLabel(
        text, QStringLiteral("catalogueLabel"),
        tr("<p>The activations, each within 2 ULP of the exactly rounded value:</p>")
            + QStringLiteral("<table cellspacing=\"2\" cellpadding=\"1\">%1</table>").arg(rows));
    catalogue->setWordWrap(false);
    addLabel(
        text, QStringLiteral("librariesLabel"),
        tr("Qt %1<br>QCustomPlot %2").arg(QString::fromLatin1(qVersion()), plotLibraryVersion));
    addLabel(text, QStringLiteral("licenceLabel"),
             tr("Copyright 2026 The ELU Explorer authors.<br>Released under the MIT licence.<br>"
                "<a href=\"https://github.com/elu-explorer/elu-explorer\">"
                "github.com/elu-explorer/elu-explorer</a>"));

    auto *top = new QHBoxLayout;
    if (const QIcon icon = QGuiApplication::windowIcon(); !icon.isNull()) {
        auto *iconLabel = new QLabel;
        iconLabel->setPixmap(icon.pixmap(64, 64));
        iconLabel->setAlignment(Qt::AlignTop);
        top->addWidget(iconLabel);
    }
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetFixedSize);
}
