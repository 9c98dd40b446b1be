// SPDX-License-Identifier: MIT
// saveAnimations: frames drawn once into every target, each target written or refused on its
// own, and a cancel (at any frame, or after the last) writing nothing.
#include "animationframes.h"
#include "animationwriter.h"
#include "filesupport.h"

#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

namespace {

using testsupport::entriesOf;

elu::Session twoCurves(double second)
{
    elu::Session session;
    session.spec.curves = {{elu::ActivationId::Elu, 1.0}, {elu::ActivationId::Elu, second}};
    session.appearance = {elu::CurveAppearance{0, std::nullopt, true},
                          elu::CurveAppearance{1, std::nullopt, true}};
    session.figure = {200, 200, 1.0, elu::FigureTheme::Light};
    return session;
}

elu::ParameterSweep sweep(double from, double to, int frames)
{
    return {QStringLiteral("alpha"), from, to, frames, 1.0, elu::SweepRepeat::Loop};
}

} // namespace

class TestAnimationWriter : public QObject
{
    Q_OBJECT

private slots:
    void eachTargetOnItsOwn()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString gif = dir.filePath(QStringLiteral("a.gif"));
        QVERIFY(testsupport::writeBytes(dir.filePath(QStringLiteral("file")), "not a folder"));
        const QString blocked = dir.filePath(QStringLiteral("file/a.webp"));
        AnimationFrames frames(twoCurves(2.0), 1, sweep(1.5, 3.0, 4));
        int calls = 0;
        const std::vector<elu::WriteResult> results = saveAnimations(
            {{gif, AnimationFormat::Gif}, {blocked, AnimationFormat::Webp}}, frames,
            [&](int, int) {
                ++calls;
                return true;
            });
        QCOMPARE(results.size(), std::size_t(2));
        QVERIFY2(!results[0], qPrintable(results[0] ? results[0]->message() : QString()));
        QVERIFY(results[1]);
        QCOMPARE(results[1]->path, blocked);
        QCOMPARE(calls, 5); // after each of the 4 frames, and once when all are encoded
        QImageReader reader(gif, "gif");
        QCOMPARE(reader.imageCount(), 4);
        QCOMPARE(reader.size(), QSize(200, 200));
    }

    void cancelWritesNothing_data()
    {
        QTest::addColumn<int>("refusedAt"); // the progress call that returns false
        QTest::newRow("after the second frame") << 2;
        QTest::newRow("after the last frame is encoded") << 5;
    }
    void cancelWritesNothing()
    {
        QFETCH(int, refusedAt);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnimationFrames frames(twoCurves(2.0), 1, sweep(1.5, 3.0, 4));
        int calls = 0;
        const std::vector<elu::WriteResult> results = saveAnimations(
            {{dir.filePath(QStringLiteral("a.gif")), AnimationFormat::Gif},
             {dir.filePath(QStringLiteral("a.webp")), AnimationFormat::Webp}},
            frames, [&](int, int) { return ++calls != refusedAt; });
        QCOMPARE(calls, refusedAt);
        for (const elu::WriteResult &result : results) {
            QVERIFY(result);
            QCOMPARE(result->reason, QStringLiteral("cancelled"));
        }
        QCOMPARE(entriesOf(dir.path()), QStringList());
    }

    // The second curve swept through the first's α = 1: that frame cannot be drawn.
    void aRefusedFrameIsNamed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AnimationFrames frames(twoCurves(0.5), 1, sweep(0.0, 2.0, 3));
        const std::vector<elu::WriteResult> results =
            saveAnimations({{dir.filePath(QStringLiteral("a.webp")), AnimationFormat::Webp}},
                           frames);
        QVERIFY(results.front());
        QVERIFY2(results.front()->reason.contains(QStringLiteral("frame 2 (alpha = 1)")),
                 qPrintable(results.front()->reason));
        QCOMPARE(entriesOf(dir.path()), QStringList());
    }
};

QTEST_MAIN(TestAnimationWriter)
#include "tst_animationwriter.moc"
