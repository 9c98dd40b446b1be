// SPDX-License-Identifier: MIT
#include "aboutdialog.h"
#include "catalogue.h"

#include <QLabel>
#include <QTest>
#include <QTextDocument>

class TestAboutDialog : public QObject
{
    Q_OBJECT

private slots:
    void listsTheCatalogue();
};

void TestAboutDialog::listsTheCatalogue()
{
    AboutDialog dialog(QStringLiteral("2.1.0"));
    const auto *label = dialog.findChild<QLabel *>(QStringLiteral("catalogueLabel"));
    QVERIFY(label);
    QTextDocument document; // the text as the reader sees it, not its HTML
    document.setHtml(label->text());
    const QString shown = document.toPlainText();
    for (const char *expected :
         {"ReLU", "max(0, x)", "Leaky ReLU", "x if x > 0, s·x otherwise", "GELU-tanh", "x·Φ(x)",
          "log(1 + e^(βx))/β", "C¹ only at α = 1, else C⁰", "Tanh", "tanh(x)"})
        QVERIFY2(shown.contains(QString::fromUtf8(expected)), expected);
    QCOMPARE(shown.count(QStringLiteral("C∞")), 8); // the seven smooth ones, and leaky_relu at s = 1
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
