// The therapist's "Client session" window: where it hurts (marked areas with an intensity),
// the muscles that could be sending it, the compression timer, and the session's notes with
// its save state. Plain state in, actions out; the app carries them out.
#pragma once

#include <string>
#include <vector>

namespace myomap::ui {

struct TherapistUi {
    struct Mark {
        std::string label;  // "Temple, right"
        int intensity = 5;  // 0-10, edited in place
    };
    struct Candidate {
        std::string label;  // "Upper trapezius (right)"
        std::string mesh;   // "upper_trapezius.R"
        std::string triggerPoint;
        float score = 0.0f;  // for the bar, relative to the best
        bool essential = true;
        bool selected = false;
    };
    std::vector<std::string> regionLabels;  // the region picker, in words
    int regionChoice = 0;
    int newIntensity = 5;
    bool markOnBody = false;  // clicks on the body mark pain instead of selecting
    std::vector<Mark> marks;
    std::vector<Candidate> candidates;
    // What the marked regions may also be (red_flags.json's region warnings), shown with them.
    std::vector<std::string> warnings;
    // Compression timer
    std::string timerPoint;       // the referral shown now ("" = none to time)
    int holdSeconds = 60;
    bool timerRunning = false;
    float timerProgress = 0.0f;
    float timerRemaining = 0.0f;
    float timerDoneFlash = 0.0f;  // 1 just after a hold completes, fading out
    std::vector<std::string> treated;
    // Session
    std::string sessionTitle;  // "Session 2026-12-01 14:03"
    std::string clientLabel;
    std::string notes;
    std::string saveStatus;  // "Saved 14:05:10" / the error
    bool saveFailed = false;
};

enum class TherapistActionType {
    AddRegionMark,    // regionChoice, newIntensity
    RemoveMark,       // index
    IntensityChanged, // index, value
    ShowCandidate,    // index
    StartTimer,
    CancelTimer,
    NotesChanged,
    ClientLabelChanged,
    NewSession,
    OpenSessions,
    MakeHandout,
};

struct TherapistAction {
    TherapistActionType type;
    int index = -1;
    int value = 0;
};

void drawTherapistPanel(TherapistUi& ui, std::vector<TherapistAction>& actions);

}  // namespace myomap::ui
