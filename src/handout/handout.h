// The client handout: what the therapist hands over at the end of a session (the pain areas,
// the muscles involved with a picture of where each refers, self-care steps and cautions),
// laid out on A4 and written as a PDF with real, selectable text (cairo + pango, system fonts
// through fontconfig), or its first page as a PNG.
#pragma once

#include "core/image.h"
#include "core/result.h"

#include <filesystem>
#include <string>
#include <vector>

namespace myomap::handout {

struct HandoutMuscle {
    std::string name;      // "Upper trapezius (right)"
    std::string latin;     // "Musculus trapezius, pars descendens"
    ImageRgba picture;     // the referral rendered from the figure, rows top to bottom; may be empty
    std::string whereItHurts;  // client-level referral text
    std::string whyItHappens;  // short causes
    std::vector<std::string> selfCare;  // steps, numbered in the handout
    std::vector<std::string> cautions;
};

struct Handout {
    std::string clinicName;
    std::string title = "Your trigger point self-care";
    std::string date;         // printed as given
    std::string clientLabel;  // "Client: J. S." or empty
    std::vector<std::string> painAreas;  // "Temple, right side - 6/10"
    ImageRgba painPicture;    // optional: the marked areas on the body
    std::vector<HandoutMuscle> muscles;
    std::string notes;
    std::string disclaimer;   // at the foot of every page: the atlas's (anatomy::Atlas::disclaimer)

    // Made from a client's session (their pain, label or notes): written owner-only (0600).
    bool holdsClientData() const { return !clientLabel.empty() || !painAreas.empty() || !notes.empty(); }
};

// A4 portrait, one or two pages. Content that does not fit in two pages is shrunk (smaller
// pictures) and then cut (the last muscles, with a line "N more muscles: ask your therapist");
// over-long text is ellipsized. Text is UTF-8 (invalid bytes are replaced). Written atomically
// through files::writeAtomically (never through a link or over a device); an error names the
// output file and the reason.
Status writeHandoutPdf(const Handout& handout, const std::filesystem::path& out);

// The first page of the same layout as a PNG `width` pixels wide (1240 = 150 dpi; 64-8000),
// on white. Written atomically.
Status writeHandoutPng(const Handout& handout, const std::filesystem::path& out, int width = 1240);

}  // namespace myomap::handout
