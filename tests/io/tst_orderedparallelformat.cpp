// SPDX-License-Identifier: MIT
#include "orderedparallelformat.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

/// The text of one item: distinct for every index, of varying length.
void appendItem(qint64 index, std::string &out)
{
    out += std::to_string(index * 7919 % 1000003);
    out += index % 3 == 0 ? ";\n" : ",";
}

/// What a single thread writes for items [0, count).
std::string sequentialReference(qint64 count)
{
    std::string text;
    for (qint64 i = 0; i < count; ++i)
        appendItem(i, text);
    return text;
}

/// Records every chunk formatted, from any thread.
struct ChunkLog
{
    std::mutex mutex;
    std::vector<std::pair<qint64, qint64>> chunks;

    auto formatter()
    {
        return [this](qint64 begin, qint64 end, std::string &out) {
            for (qint64 i = begin; i < end; ++i)
                appendItem(i, out);
            const std::scoped_lock lock(mutex);
            chunks.emplace_back(begin, end);
        };
    }
};

} // namespace

class TestOrderedParallelFormat : public QObject
{
    Q_OBJECT

private slots:
    void textIsInItemOrder_data();
    void textIsInItemOrder();
    void chunksCoverEachItemOnce_data() { textIsInItemOrder_data(); }
    void chunksCoverEachItemOnce();
    void sinkStopsEarly_data();
    void sinkStopsEarly();
    void formatErrorStopsAndIsRethrown();
    void fewChunksAheadOfTheSink();
};

void TestOrderedParallelFormat::textIsInItemOrder_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("chunkSize");
    QTest::newRow("no items") << qint64(0) << qint64(64);
    QTest::newRow("one item") << qint64(1) << qint64(64);
    QTest::newRow("chunk - 1") << qint64(63) << qint64(64);
    QTest::newRow("one chunk") << qint64(64) << qint64(64);
    QTest::newRow("chunk + 1") << qint64(65) << qint64(64);
    QTest::newRow("two chunks") << qint64(128) << qint64(64);
    QTest::newRow("many chunks and a part") << qint64(37 * 64 + 5) << qint64(64);
    // More chunks than any batch of threads, one item each.
    QTest::newRow("1000 chunks of 1") << qint64(1000) << qint64(1);
    QTest::newRow("chunk larger than count") << qint64(10) << qint64(1'000'000);
    QTest::newRow("100k items") << qint64(100'000) << qint64(1000);
}

void TestOrderedParallelFormat::textIsInItemOrder()
{
    QFETCH(qint64, count);
    QFETCH(qint64, chunkSize);
    std::string text;
    int sinkCalls = 0;
    const bool completed = elu::formatInOrder(
        count, chunkSize,
        [](qint64 begin, qint64 end, std::string &out) {
            for (qint64 i = begin; i < end; ++i)
                appendItem(i, out);
        },
        [&](const std::string &piece) {
            text += piece;
            ++sinkCalls;
            return true;
        });
    QVERIFY(completed);
    QVERIFY(text == sequentialReference(count));
    // A sink call per chunk at most: nothing is passed before it is formatted.
    QVERIFY(sinkCalls <= (count + chunkSize - 1) / chunkSize);
}

void TestOrderedParallelFormat::chunksCoverEachItemOnce()
{
    QFETCH(qint64, count);
    QFETCH(qint64, chunkSize);
    ChunkLog log;
    QVERIFY(elu::formatInOrder(count, chunkSize, log.formatter(),
                               [](const std::string &) { return true; }));
    std::vector<int> hits(static_cast<std::size_t>(count), 0);
    for (const auto &[begin, end] : log.chunks) {
        QVERIFY2(0 <= begin && begin < end && end <= count,
                 qPrintable(QStringLiteral("[%1, %2)").arg(begin).arg(end)));
        QVERIFY(end - begin <= chunkSize);
        for (qint64 i = begin; i < end; ++i)
            ++hits[std::size_t(i)];
    }
    for (std::size_t i = 0; i < hits.size(); ++i)
        QVERIFY2(hits[i] == 1,
                 qPrintable(QStringLiteral("item %1 formatted %2 times").arg(i).arg(hits[i])));
    // Exactly ceil(count / chunkSize) chunks: no empty or split chunks.
    QCOMPARE(qint64(log.chunks.size()), (count + chunkSize - 1) / chunkSize);
}

void TestOrderedParallelFormat::sinkStopsEarly_data()
{
    QTest::addColumn<qint64>("count");
    QTest::addColumn<qint64>("chunkSize");
    QTest::addColumn<int>("refuseAtCall"); // 1-based sink call that returns false
    QTest::newRow("first of one") << qint64(10) << qint64(64) << 1;
    QTest::newRow("first of many") << qint64(1000) << qint64(1) << 1;
    QTest::newRow("middle") << qint64(1000) << qint64(10) << 37;
    QTest::newRow("last piece") << qint64(1000) << qint64(10) << -1;
}

void TestOrderedParallelFormat::sinkStopsEarly()
{
    QFETCH(qint64, count);
    QFETCH(qint64, chunkSize);
    QFETCH(int, refuseAtCall);
    const std::string reference = sequentialReference(count);

    // A first run counts the sink calls, so that "last piece" refuses exactly the last one.
    int totalCalls = 0;
    QVERIFY(elu::formatInOrder(count, chunkSize, ChunkLog().formatter(), [&](const std::string &) {
        ++totalCalls;
        return true;
    }));
    if (refuseAtCall < 0)
        refuseAtCall = totalCalls;
    QVERIFY(refuseAtCall <= totalCalls);

    ChunkLog log;
    std::string text;
    int calls = 0;
    const bool completed =
        elu::formatInOrder(count, chunkSize, log.formatter(), [&](const std::string &piece) {
            ++calls;
            text += piece;
            return calls < refuseAtCall;
        });
    QVERIFY(!completed);
    QCOMPARE(calls, refuseAtCall); // not called again after refusing
    // What the sink saw is the start of the text, in order.
    QVERIFY(reference.compare(0, text.size(), text) == 0);
    QVERIFY(!text.empty());
    if (refuseAtCall < totalCalls) {
        QVERIFY(text.size() < reference.size());
        // Stopping early also stops formatting: the rest of the items are never formatted.
        qint64 formatted = 0;
        for (const auto &[begin, end] : log.chunks)
            formatted += end - begin;
        QVERIFY2(formatted < count, qPrintable(QString::number(formatted)));
    }
}

void TestOrderedParallelFormat::formatErrorStopsAndIsRethrown()
{
    // A chunk that cannot be formatted (here: a thrown error, as std::bad_alloc would be) ends
    // the call with that error, after the chunks before it went to the sink, and never hangs.
    std::string text;
    bool thrown = false;
    try {
        elu::formatChunksInOrder(
            1000,
            [](qint64 chunk, std::string &out) {
                if (chunk == 500)
                    throw std::runtime_error("chunk 500");
                out = std::to_string(chunk) + ",";
            },
            [&](const std::string &piece) {
                text += piece;
                return true;
            });
    } catch (const std::runtime_error &error) {
        thrown = QByteArray(error.what()) == "chunk 500";
    }
    QVERIFY(thrown);
    std::string before;
    for (int chunk = 0; chunk < 500; ++chunk)
        before += std::to_string(chunk) + ",";
    QVERIFY(before.compare(0, text.size(), text) == 0);
}

void TestOrderedParallelFormat::fewChunksAheadOfTheSink()
{
    // Memory stays bounded: while the sink holds chunk k, no chunk far beyond k is formatted.
    std::atomic<qint64> passed{0};
    std::atomic<qint64> furthestAhead{0};
    const qint64 limit = 4 * qint64(std::clamp(std::thread::hardware_concurrency(), 1u, 16u)) + 2;
    QVERIFY(elu::formatChunksInOrder(
        2000,
        [&](qint64 chunk, std::string &out) {
            qint64 ahead = chunk - passed.load();
            qint64 seen = furthestAhead.load();
            while (ahead > seen && !furthestAhead.compare_exchange_weak(seen, ahead)) {
            }
            out = std::to_string(chunk);
        },
        [&](const std::string &piece) {
            passed.store(std::stoll(piece) + 1);
            return true;
        }));
    QVERIFY2(furthestAhead.load() <= limit, qPrintable(QString::number(furthestAhead.load())));
}

QTEST_APPLESS_MAIN(TestOrderedParallelFormat)
#include "tst_orderedparallelformat.moc"
