// SPDX-License-Identifier: MIT
#include "datawriter.h"

#include "catalogue.h"
#include "controlleddevice.h"
#include "numberformat.h"
#include "orderedparallelformat.h"
#include "safefilewriter.h"
#include "samplegrid.h"
#include "version.h"

#include <QDir>
#include <QFileInfo>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace elu {

namespace {

// 16 Ki samples a chunk (about 400 kB of text a chunk for JSON): small enough that the first
// chunk is written soon and the last one leaves no core idle for long, large enough that the
// hand-over between threads costs nothing measurable.
constexpr qint64 samplesPerChunk = 1 << 14;

bool writeAll(QIODevice &device, std::string_view text)
{
    return device.write(text.data(), qint64(text.size())) == qint64(text.size());
}

// A chunk's text, written in place: numbers go straight from writeShortest into the buffer,
// which is reused from chunk to chunk (it grows to the largest chunk once) and never filled or
// copied on the way to the file.
class ChunkText
{
public:
    void clear() noexcept { m_size = 0; }
    std::string_view view() const noexcept { return {m_data.get(), m_size}; }

    /// Where to write at most `bytes` more; end() with the new end when written.
    char *begin(std::size_t bytes)
    {
        if (m_size + bytes > m_capacity) {
            const std::size_t capacity = std::max(m_size + bytes, 2 * m_capacity);
            auto grown = std::make_unique_for_overwrite<char[]>(capacity);
            if (m_size != 0)
                std::memcpy(grown.get(), m_data.get(), m_size);
            m_data = std::move(grown);
            m_capacity = capacity;
        }
        return m_data.get() + m_size;
    }
    void end(const char *at) noexcept { m_size = std::size_t(at - m_data.get()); }

    void assign(std::string_view text)
    {
        clear();
        char *at = begin(text.size());
        std::memcpy(at, text.data(), text.size());
        end(at + text.size());
    }
    void swap(ChunkText &other) noexcept
    {
        std::swap(m_data, other.m_data);
        std::swap(m_size, other.m_size);
        std::swap(m_capacity, other.m_capacity);
    }

private:
    std::unique_ptr<char[]> m_data;
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
};

// Writes a number as writeShortest does; ELU′ is 1 for every x > 0, so half of a typical
// derivative array needs no formatting.
char *putNumber(char *at, double value) noexcept
{
    if (value == 1.0) {
        *at = '1';
        return at + 1;
    }
    return writeShortest(at, value);
}

char *putText(char *at, std::string_view text) noexcept
{
    std::memcpy(at, text.data(), text.size());
    return at + text.size();
}

} // namespace

QString generatorName()
{
    return QStringLiteral("elu-explorer " ELU_EXPLORER_VERSION);
}

namespace {

// One file's text as a list of pieces, each a chunk for formatChunksInOrder: literal text (a
// header, the text between arrays) or the numbers of one array for one chunk of samples.
struct Piece
{
    std::string literal;
    int array = -1; // -1: a literal
    qint64 chunk = 0;
};

qint64 chunkCountOf(const SampleGrid &grid)
{
    return (grid.count() + samplesPerChunk - 1) / samplesPerChunk;
}

// For the activations with f(x) = x for x > 0 (Activation::identityOnPositive), the text of the
// x array's chunks that lie wholly in x > 0 is the y array's too: it is kept when formatted, up
// to 64 MB (about 3.5 million samples), and taken for y rather than formatted again; chunks
// beyond that are formatted again. Formatting is most of an export's work, and this is a sixth
// of it. A cache made with `enabled` false keeps nothing.
class PositiveChunkCache
{
    static constexpr std::size_t maxBytes = std::size_t(64) << 20;

public:
    explicit PositiveChunkCache(const SampleGrid &grid, bool enabled)
        : m_grid(grid)
        , m_chunks(enabled ? std::size_t(chunkCountOf(grid)) : 0)
        , m_kept(m_chunks.size())
    {
    }

    bool wanted(qint64 chunk) const
    {
        return !m_chunks.empty() && m_grid.x(chunk * samplesPerChunk) > 0.0
               && m_bytes.load(std::memory_order_relaxed) < maxBytes;
    }

    // Each chunk has its own slot, so formatting threads never share one.
    void keep(qint64 chunk, std::string_view text)
    {
        if (m_bytes.fetch_add(text.size()) + text.size() > maxBytes)
            return;
        m_chunks[std::size_t(chunk)].assign(text);
        m_kept[std::size_t(chunk)].store(true, std::memory_order_release);
    }

    // Gives `out` the kept text of `chunk`, if any (for a small grid, the y chunk may be
    // formatted while the x chunk still is: then it is not kept yet, and formatted again).
    // `out`'s buffer then goes with the cache.
    bool take(qint64 chunk, ChunkText &out)
    {
        if (m_chunks.empty() || !m_kept[std::size_t(chunk)].load(std::memory_order_acquire))
            return false;
        out.swap(m_chunks[std::size_t(chunk)]);
        return true;
    }

private:
    const SampleGrid &m_grid;
    std::vector<ChunkText> m_chunks;
    std::vector<std::atomic<bool>> m_kept;
    std::atomic<std::size_t> m_bytes{0};
};

// A number's text, for headers.
std::string numberText(double value)
{
    char text[maxNumberLength];
    return {text, writeShortest(text, value)};
}

} // namespace

bool writeJson(QIODevice &device, const PlotSpec &spec, const Curve &curve)
{
    const Activation &row = curve.descriptor();
    const SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    std::string header = "{\n \"activation\": \"" + std::string(row.name) + "\",\n";
    if (row.parameter)
        header.append(" \"")
            .append(row.parameter->keyword)
            .append("\": ")
            .append(numberText(curve.parameter))
            .append(",\n");
    header.append(" \"xmin\": ")
        .append(numberText(spec.xmin))
        .append(",\n \"xmax\": ")
        .append(numberText(spec.xmax))
        .append(",\n \"points\": ")
        .append(std::to_string(spec.points))
        .append(",\n \"generator\": \"")
        .append(generatorName().toStdString())
        .append("\",\n \"x\": [");

    // The whole file is one pipeline, so that formatting never waits between arrays.
    const qint64 chunks = chunkCountOf(grid);
    std::vector<Piece> pieces;
    pieces.reserve(std::size_t(3 * chunks + 3));
    const char *const after[] = {"],\n \"y\": [", "],\n \"yp\": [", "]\n}\n"};
    pieces.push_back({std::move(header)});
    for (int array = 0; array < 3; ++array) {
        for (qint64 chunk = 0; chunk < chunks; ++chunk)
            pieces.push_back({{}, array, chunk});
        pieces.push_back({after[array]});
    }

    // Curve::value and Curve::derivative, without looking the row up again for every sample.
    const double parameter = curve.parameter;
    const bool identity = row.identityOnPositive;
    PositiveChunkCache positive(grid, identity);
    return formatChunksInOrder<ChunkText>(
        qint64(pieces.size()),
        [&](qint64 index, ChunkText &out) {
            const Piece &piece = pieces[std::size_t(index)];
            if (piece.array < 0) {
                out.assign(piece.literal);
                return;
            }
            if (piece.array == 1 && positive.take(piece.chunk, out))
                return;
            const qint64 begin = piece.chunk * samplesPerChunk;
            const qint64 end = std::min(grid.count(), begin + samplesPerChunk);
            char *at = out.begin(std::size_t(end - begin) * (maxNumberLength + 1));
            for (qint64 i = begin; i < end; ++i) {
                if (i > 0)
                    *at++ = ',';
                const double x = grid.x(i);
                switch (piece.array) {
                case 0:
                    at = putNumber(at, x);
                    break;
                case 1:
                    at = putNumber(at, identity && x > 0.0 ? x : row.value(x, parameter));
                    break;
                default:
                    if (identity && x > 0.0)
                        *at++ = '1'; // f′(x) = 1
                    else
                        at = putNumber(at, row.derivative(x, parameter));
                }
            }
            out.end(at);
            if (piece.array == 0 && positive.wanted(piece.chunk))
                positive.keep(piece.chunk, out.view());
        },
        [&](const ChunkText &text) { return writeAll(device, text.view()); });
}

bool writeJson(QIODevice &device, const PlotSpec &spec)
{
    return writeJson(device, spec, spec.curves.front());
}

std::vector<QString> curveLabels(const std::vector<Curve> &curves)
{
    std::array<int, activationCount> uses{};
    for (const Curve &curve : curves)
        ++uses[std::size_t(curve.activation)];
    std::vector<QString> labels;
    for (const Curve &curve : curves)
        labels.push_back(curve.fileStem(uses[std::size_t(curve.activation)] > 1));
    return labels;
}

bool writeCsv(QIODevice &device, const PlotSpec &spec)
{
    const SampleGrid grid(spec.xmin, spec.xmax, spec.points);
    std::string header = "x";
    if (spec.curves.size() == 1) {
        header += ",y,yp";
    } else {
        for (const QString &label : curveLabels(spec.curves)) {
            const std::string name = label.toStdString();
            header.append(",").append(name).append(".y,").append(name).append(".yp");
        }
    }
    header += '\n';
    const std::vector<Curve> &curves = spec.curves;
    // Each curve's row and parameter: Curve::value and Curve::derivative without the look-up.
    std::vector<std::pair<const Activation *, double>> rows;
    for (const Curve &curve : curves)
        rows.emplace_back(&curve.descriptor(), curve.parameter);
    // Rows of as many numbers a chunk as a JSON chunk has, about: three per row for one curve.
    const qint64 rowsPerChunk =
        std::max<qint64>(1024, samplesPerChunk * 3 / qint64(1 + 2 * curves.size()));
    // Chunk 0 is the header, chunk k > 0 the rows k − 1 of that size.
    return formatChunksInOrder<ChunkText>(
        (grid.count() + rowsPerChunk - 1) / rowsPerChunk + 1,
        [&](qint64 chunk, ChunkText &out) {
            if (chunk == 0) {
                out.assign(header);
                return;
            }
            const qint64 begin = (chunk - 1) * rowsPerChunk;
            const qint64 end = std::min(grid.count(), begin + rowsPerChunk);
            char *at = out.begin(std::size_t(end - begin) * (maxNumberLength + 1)
                                 * (1 + 2 * curves.size()));
            for (qint64 i = begin; i < end; ++i) {
                const double x = grid.x(i);
                const char *const xText = at;
                at = writeShortest(at, x);
                const std::string_view xView(xText, std::size_t(at - xText));
                for (const auto &[row, parameter] : rows) {
                    *at++ = ',';
                    if (x > 0.0 && row->identityOnPositive) {
                        at = putText(at, xView); // f(x) = x and f′(x) = 1
                        at = putText(at, ",1");
                        continue;
                    }
                    at = putNumber(at, row->value(x, parameter));
                    *at++ = ',';
                    at = putNumber(at, row->derivative(x, parameter));
                }
                *at++ = '\n';
            }
            out.end(at);
        },
        [&](const ChunkText &text) { return writeAll(device, text.view()); });
}

namespace {

// Writes through a ControlledDevice when the caller asked for progress or cancellation.
template<class Write>
WriteResult writeControlled(const QString &path, const WriteControl &control, Write write)
{
    if (!control.cancelled && !control.progress)
        return writeFileAtomically(path, write);
    return writeFileAtomically(path, [&](QIODevice &device) {
        ControlledDevice controlled(device, control);
        return write(controlled);
    });
}

} // namespace

WriteResult saveJson(const QString &path, const PlotSpec &spec, const Curve &curve,
                     const WriteControl &control)
{
    return writeControlled(path, control,
                           [&](QIODevice &device) { return writeJson(device, spec, curve); });
}

WriteResult saveJson(const QString &path, const PlotSpec &spec)
{
    return saveJson(path, spec, spec.curves.front());
}

WriteResult saveJsonFolder(const QString &folder, const PlotSpec &spec, const WriteControl &control)
{
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return WriteError{folder, QStringLiteral("it is a file, and several curves need a folder")};
    // A failed export leaves no folder it made, nor the files it wrote into one.
    NewFolders made;
    if (const std::optional<QString> why = made.create(folder))
        return WriteError{folder, *why};
    const std::vector<QString> labels = curveLabels(spec.curves);
    for (std::size_t i = 0; i < spec.curves.size(); ++i) {
        const QString path = QDir(folder).filePath(labels[i] + QStringLiteral(".json"));
        if (WriteResult failed = saveJson(path, spec, spec.curves[i], control))
            return failed;
        if (made.madeAny())
            made.removeWith(path);
    }
    made.keep();
    return {};
}

WriteResult saveCsv(const QString &path, const PlotSpec &spec, const WriteControl &control)
{
    return writeControlled(path, control,
                           [&](QIODevice &device) { return writeCsv(device, spec); });
}

} // namespace elu
