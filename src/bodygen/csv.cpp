#include "bodygen/csv.h"

#include "core/files.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace myomap::bodygen {
namespace {

std::string trim(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t\r");
    return s.substr(first, last - first + 1);
}

// Splits one line; double quotes may enclose a cell containing commas ("a, b").
Result<std::vector<std::string>> split(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"') {
            if (quoted && i + 1 < line.size() && line[i + 1] == '"') {
                cell += '"';
                ++i;
            } else {
                quoted = !quoted;
            }
        } else if (c == ',' && !quoted) {
            cells.push_back(trim(cell));
            cell.clear();
        } else {
            cell += c;
        }
    }
    if (quoted) return fail("unclosed double quote");
    cells.push_back(trim(cell));
    return cells;
}

}  // namespace

Result<CsvTable> CsvTable::read(const std::filesystem::path& path) {
    auto text = files::readText(path, 16u << 20);
    if (!text) return fail(text.error());
    CsvTable table;
    table.m_path = path;
    std::istringstream in(*text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string content = trim(line);
        if (content.empty() || content[0] == '#') continue;
        auto cells = split(content);
        if (!cells) return fail(path.string() + ":" + std::to_string(number) + ": " + cells.error());
        if (table.m_header.empty()) {
            table.m_header = std::move(cells.value());
            continue;
        }
        if (cells->size() != table.m_header.size()) {
            return fail(path.string() + ":" + std::to_string(number) + ": " + std::to_string(cells->size()) +
                        " cells, but the header has " + std::to_string(table.m_header.size()) + " columns");
        }
        table.m_rows.push_back({number, std::move(cells.value())});
    }
    if (table.m_header.empty()) return fail(path.string() + ": no header line (the file is empty or all comments)");
    return table;
}

Result<std::size_t> CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < m_header.size(); ++i) {
        if (m_header[i] == name) return i;
    }
    return fail(m_path.string() + ": no column named '" + name + "'");
}

std::string CsvTable::where(const CsvRow& row) const { return m_path.string() + ":" + std::to_string(row.line); }

Result<float> CsvTable::number(const CsvRow& row, std::size_t col, const std::string& columnName) const {
    const std::string& text = row.cells.at(col);
    float value = 0.0f;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return fail(where(row) + ": " + columnName + " '" + text + "' is not a number");
    }
    return value;
}

}  // namespace myomap::bodygen
