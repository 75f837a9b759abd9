#include "handout/handout.h"

#include "core/files.h"
#include "handout/layout.h"

#include <cairo-pdf.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <string>
#include <system_error>
#include <unistd.h>

namespace myomap::handout {
namespace fs = std::filesystem;

namespace {

using namespace detail;

std::string describe(const fs::path& path) { return "'" + path.string() + "'"; }

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Checked before rendering so that the common mistakes get a plain reason.
Status checkDestination(const fs::path& out) {
    const std::string prefix = describe(out) + ": cannot write the handout: ";
    if (out.empty() || !out.has_filename()) return fail(prefix + "no file name");
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    const auto folderStatus = fs::status(folder, ec);
    if (!fs::exists(folderStatus)) return fail(prefix + "folder " + describe(folder) + " does not exist");
    if (!fs::is_directory(folderStatus)) return fail(prefix + describe(folder) + " is not a folder");
    if (::access(folder.c_str(), W_OK) != 0) {
        return fail(prefix + "folder " + describe(folder) + " is not writable (" + std::strerror(errno) + ")");
    }
    if (const std::string problem = files::destinationProblem(out); !problem.empty()) return fail(prefix + problem);
    return Ok{};
}

Status save(const Handout& handout, const fs::path& out, const std::string& bytes) {
    const auto access = handout.holdsClientData() ? files::Access::Private : files::Access::Shared;
    auto written = files::writeAtomically(out, bytes.data(), bytes.size(), access);
    if (!written) return fail(describe(out) + ": cannot write the handout: " + written.error());
    return Ok{};
}

Status renderFailed(const fs::path& out, cairo_status_t status) {
    return fail(describe(out) + ": could not render the handout (" + cairo_status_to_string(status) + ")");
}

}  // namespace

Status writeHandoutPdf(const Handout& handout, const fs::path& out) {
    if (auto ok = checkDestination(out); !ok) return ok;
    std::string bytes;
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(appendTo, &bytes, style::kPageWidth, style::kPageHeight);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Myomap");
    if (g_utf8_validate(handout.title.c_str(), -1, nullptr)) {
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, handout.title.c_str());
    }
    cairo_t* cr = cairo_create(surface);
    {
        const TextEngine text(cr);
        const Plan plan = planHandout(text, handout);
        for (std::size_t page = 0; page < plan.pages.size(); ++page) {
            drawPage(cr, text, handout, plan, page);
            cairo_show_page(cr);
        }
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);  // flushes the last bytes through appendTo
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) return renderFailed(out, status);
    return save(handout, out, bytes);
}

Status writeHandoutPng(const Handout& handout, const fs::path& out, int width) {
    if (width < 64 || width > 8000) {
        return fail(describe(out) + ": cannot write the handout: width " + std::to_string(width) +
                    " is outside 64-8000 pixels");
    }
    if (auto ok = checkDestination(out); !ok) return ok;
    const int height = static_cast<int>(std::lround(width * style::kPageHeight / style::kPageWidth));
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t* cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, width / style::kPageWidth, width / style::kPageWidth);
    {
        const TextEngine text(cr);
        const Plan plan = planHandout(text, handout);
        drawPage(cr, text, handout, plan, 0);
    }
    cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_flush(surface);
    std::string bytes;
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_write_to_png_stream(surface, appendTo, &bytes);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) return renderFailed(out, status);
    return save(handout, out, bytes);
}

}  // namespace myomap::handout
