// SPDX-License-Identifier: MIT
#include <QTest>
class TestCommandLine : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_APPLESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
