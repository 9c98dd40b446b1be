// SPDX-License-Identifier: MIT
// Mutates a valid session file tens of thousands of times (fixed seed) and reads each result:
// never a crash or a hang (CI runs this under ASan and UBSan), and every result is either a
// valid session that writes back to itself or a one-line error.
#include "sessionfile.h"

#include <QElapsedTimer>
#include <QTest>

#include <bit>
#include <random>

namespace {

elu::Session sampleSession()
{
    using Id = elu::ActivationId;
    elu::Session s;
    s.spec.curves = {{Id::Elu, 0.5},       {Id::Elu, 1.0},      {Id::Elu, 2.0},  {Id::Relu, 0.0},
                     {Id::LeakyRelu, 0.1}, {Id::Softplus, 3.0}, {Id::Gelu, 0.0}, {Id::Celu, 0.25}};
    s.appearance.assign(8, {});
    for (int i = 0; i < 8; ++i)
        s.appearance[std::size_t(i)].colourSlot = i;
    s.appearance[2].customRgb = 0x123abc;
    s.appearance[4].visible = false;
    s.selectedCurve = 2;
    s.spec.xmin = -0.0;
    s.spec.xmax = 0.1;
    s.spec.points = 2000;
    s.view = {-3.0, 3.0, -1e-300, 2.5, false};
    s.layout = elu::PlotLayout::Stacked;
    s.figure = {1200, 900, 1.5, elu::FigureTheme::Dark};
    s.statisticsMu = 0.25;
    s.statisticsSigma = 2.0;
    return s;
}

// Tokens worth inserting: structure, escapes, number parts, broken UTF-8, other values.
const QByteArray pieces[] = {
    "{",
    "}",
    "[",
    "]",
    "\"",
    "\\",
    ",",
    ":",
    "-",
    "0",
    "e",
    "E",
    "+",
    ".",
    " ",
    "\n",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\xC3",
    "\xED\xA0\x80",
    "\xF4\x90\x80\x80",
    "\xEF\xBB\xBF",
    "true",
    "false",
    "null",
    "1e308",
    "1e309",
    "-1e99999",
    "4.9e-325",
    "-0",
    "-0.0",
    "2.5",
    "\"elu\"",
    "\"stacked\"",
    "\"#zzzzzz\"",
    "\"version\": 2,",
    "\"curves\": [],",
    "\t",
};

class Mutator
{
public:
    explicit Mutator(const QByteArray &valid)
        : m_valid(valid)
    {
    }

    QByteArray next()
    {
        QByteArray bytes = m_valid;
        const int count = 1 + int(pick(3));
        for (int i = 0; i < count; ++i)
            mutate(bytes);
        return bytes;
    }

private:
    quint64 pick(quint64 n) { return n == 0 ? 0 : m_random() % n; }
    qsizetype at(const QByteArray &bytes) { return qsizetype(pick(quint64(bytes.size()) + 1)); }

    // A span from a random byte to the next delimiter: roughly one value or key.
    std::pair<qsizetype, qsizetype> span(const QByteArray &bytes)
    {
        const qsizetype begin = at(bytes);
        qsizetype end = begin;
        while (end < bytes.size() && !QByteArrayView(",:{}[]").contains(bytes[end]))
            ++end;
        return {begin, end};
    }

    void mutate(QByteArray &bytes)
    {
        switch (pick(10)) {
        case 0: // flip bits
            for (int i = 0, n = 1 + int(pick(4)); i < n && !bytes.isEmpty(); ++i)
                bytes[qsizetype(pick(quint64(bytes.size())))] ^= char(1 << pick(8));
            break;
        case 1: // truncate
            bytes.truncate(at(bytes));
            break;
        case 2: // insert a byte or a token
            bytes.insert(at(bytes), pick(2) ? QByteArray(1, char(pick(256)))
                                            : pieces[pick(std::size(pieces))]);
            break;
        case 3: { // delete a run of bytes
            const qsizetype from = at(bytes);
            bytes.remove(from, qsizetype(pick(16)) + 1);
            break;
        }
        case 4: { // swap two values
            auto [a, b] = span(bytes);
            auto [c, d] = span(bytes);
            if (a > c) {
                std::swap(a, c);
                std::swap(b, d);
            }
            if (b <= c) {
                const QByteArray first = bytes.mid(a, b - a), second = bytes.mid(c, d - c);
                bytes.replace(c, d - c, first);
                bytes.replace(a, b - a, second);
            }
            break;
        }
        case 5: { // nest deeply
            const qsizetype depth = qsizetype(1 + pick(5000));
            const bool object = pick(2);
            const QByteArray open = object ? "{\"a\":" : "[";
            const QByteArray close = object ? "}" : "]";
            auto [a, b] = span(bytes);
            bytes.replace(a, b - a, open.repeated(depth) + "1" + close.repeated(depth));
            break;
        }
        case 6: { // a huge, tiny or long number
            static const QByteArray numbers[] = {
                "1e308", "1e309", "-1e400", "5e-324", "1e-400", "9223372036854775808", "-0", "1e2"};
            auto [a, b] = span(bytes);
            QByteArray number = numbers[pick(std::size(numbers))];
            if (pick(4) == 0)
                number = QByteArray(qsizetype(1 + pick(10000)), char('1' + pick(9)));
            bytes.replace(a, b - a, number);
            break;
        }
        case 7: { // a long string, maybe of escapes
            auto [a, b] = span(bytes);
            const QByteArray unit = pick(2) ? QByteArray("x") : QByteArray("\\u00e9\\n");
            bytes.replace(a, b - a, '"' + unit.repeated(qsizetype(1 + pick(20000))) + '"');
            break;
        }
        case 8: { // duplicate a member or an item
            auto [a, b] = span(bytes);
            bytes.insert(b, ", " + bytes.mid(a, b - a));
            break;
        }
        default: { // a value of another type
            static const QByteArray values[] = {"true", "null", "[]", "{}",           "\"x\"",
                                                "0",    "-1",   "8",  "\"overlaid\"", "\"elu\""};
            auto [a, b] = span(bytes);
            bytes.replace(a, b - a, values[pick(std::size(values))]);
            break;
        }
        }
    }

    QByteArray m_valid;
    std::mt19937_64 m_random{20240611};
};

} // namespace

class TestSessionFuzz : public QObject
{
    Q_OBJECT

private slots:
    void mutatedFilesNeverCrashOrHang()
    {
        const QByteArray valid = elu::sessionBytes(sampleSession());
        QVERIFY(elu::readSession(valid).session);
        Mutator mutator(valid);
        constexpr int runs = 20'000;
        int accepted = 0;
        QElapsedTimer total;
        total.start();
        for (int run = 0; run < runs; ++run) {
            const QByteArray bytes = mutator.next();
            QElapsedTimer timer;
            timer.start();
            const elu::SessionReadResult read = elu::readSession(bytes);
            // Linear time: even a 1 MB input reads in well under a second, sanitizers included.
            QVERIFY2(timer.elapsed() < 5000,
                     qPrintable(QStringLiteral("run %1 took %2 ms").arg(run).arg(timer.elapsed())));
            if (read.session) {
                ++accepted;
                QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
                QCOMPARE(elu::validate(*read.session), QString());
                // What was accepted writes back to a file that reads as the same session.
                const elu::SessionReadResult again =
                    elu::readSession(elu::sessionBytes(*read.session));
                QVERIFY2(again.session && *again.session == *read.session,
                         qPrintable(QString::fromUtf8(bytes.left(4000))));
            } else {
                QVERIFY2(!read.error.isEmpty(), qPrintable(QString::fromUtf8(bytes.left(4000))));
                QVERIFY(!read.error.contains(QLatin1Char('\n')));
            }
        }
        qInfo("%d mutated files: %d accepted, %d refused, %lld ms", runs, accepted, runs - accepted,
              qint64(total.elapsed()));
        // The mutations reach past the JSON syntax both ways.
        QVERIFY(accepted > runs / 100);
        QVERIFY(runs - accepted > runs / 2);
    }

    // The largest inputs the limits let through, once each: linear time, no deep recursion.
    void largestInputs()
    {
        const QByteArray valid = elu::sessionBytes(sampleSession());
        const qsizetype room = elu::limits::sessionBytesMax - valid.size() - 16;
        const QByteArray fillers[] = {
            '"' + QByteArray("\\u00e9").repeated(room / 6) + '"',
            '"' + QByteArray("\\ud83d\\ude00").repeated(room / 12) + '"',
            '"' + QByteArray(room, 'x') + '"',
            QByteArray(room, '7'),
            "[" + QByteArray("0,").repeated(room / 2 - 1) + "0]",
            "{" + QByteArray("\"k\":0,").repeated(room / 6 - 1) + "\"k\":0}",
            QByteArray("[").repeated(room),
        };
        for (const QByteArray &filler : fillers) {
            QByteArray bytes = valid;
            bytes.insert(1, "\"extra\": " + filler + ",");
            QVERIFY(bytes.size() <= elu::limits::sessionBytesMax);
            QElapsedTimer timer;
            timer.start();
            const elu::SessionReadResult read = elu::readSession(bytes);
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
            QVERIFY2(bool(read.session) == read.error.isEmpty(), qPrintable(read.error));
        }
    }

    void randomBytesAreRefused()
    {
        std::mt19937_64 random(7);
        for (int run = 0; run < 5'000; ++run) {
            QByteArray bytes(qsizetype(random() % 256), Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(random() % 256);
            const elu::SessionReadResult read = elu::readSession(bytes);
            QVERIFY(!read.session && !read.error.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestSessionFuzz)
#include "tst_sessionfuzz.moc"
