// The body tables are CSV files that anatomists can read and edit: '#' starts a comment line,
// the first other line names the columns. Every error names the file, the line and the problem.
#pragma once

#include "core/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::bodygen {

struct CsvRow {
    int line = 0;
    std::vector<std::string> cells;
};

class CsvTable {
public:
    static Result<CsvTable> read(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return m_path; }
    const std::vector<CsvRow>& rows() const { return m_rows; }
    // Index of a column; fails naming the file when it has no such column.
    Result<std::size_t> column(const std::string& name) const;

    // "file:line: message" for errors about a row.
    std::string where(const CsvRow& row) const;
    // A cell as a number, or an error naming the file, line, column and value.
    Result<float> number(const CsvRow& row, std::size_t column, const std::string& columnName) const;

private:
    std::filesystem::path m_path;
    std::vector<std::string> m_header;
    std::vector<CsvRow> m_rows;
};

}  // namespace myomap::bodygen
