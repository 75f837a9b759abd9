// The viewer's menu bar and panels. They read and edit a plain state struct and emit commands
// for the app to carry out; no GL, no file access, no window calls here.
#pragma once

#include "core/views.h"
#include "ui/learn_window.h"

#include <functional>
#include <string>
#include <vector>

namespace myomap::ui {

// One entry of the Mode menu: a mode a person may switch to.
struct ModeChoice {
    std::string name;   // the mode's registered name, carried by the SwitchMode command
    std::string label;  // "Therapist: a session with a client"
    bool current = false;
};

struct ViewerState {
    // Model
    std::string modelPath;          // what is shown ("" = nothing yet)
    std::string modelSummary;       // e.g. "12 meshes, 40,000 triangles, 19 joints"
    std::string openPathInput;      // the File > Open field
    bool openDialogRequested = false;
    // Animation
    std::vector<std::string> clipNames;
    int clip = -1;
    bool playing = true;
    bool loop = true;
    float time = 0.0f;
    float duration = 0.0f;
    float speed = 1.0f;
    // Messages for the Problems window (warnings from loading, errors from commands).
    std::vector<std::string> problems;
    bool showProblems = false;
    LearnState learn;               // Learn menu: the general pages (the Learn window's own state)
    std::vector<ModeChoice> modes;  // the Mode menu, the current one ticked
    bool focusSearch = false;       // Edit > Find muscle (Ctrl+F)
    std::string rendererName;
    bool softwareRenderer = false;  // no GPU: cheaper defaults, said in the status line
    bool smoothEdges = true;        // View > Smooth edges (multisampling)
    bool reducedDetail = false;     // View > Detail: reduced (levels of detail, specialised shaders)
    bool clientLook = false;        // shown in View (the explorer's look, copied in each frame); changed by a command
    float fps = 0.0f;
};

enum class CommandType { OpenModel, SetView, FrameAll, ResetCamera, SaveScreenshot, Quit, ClientLook, AnatomyLook, SwitchMode };

struct Command {
    CommandType type;
    std::string path;           // OpenModel
    View view = View::Anterior; // SetView
    std::string mode{};         // SwitchMode: the mode's registered name
};

// `panels` draws more sections inside the main window, after the model's (the explorer's);
// `learnItems` adds the current mode's entries to the Learn menu (the student's Quiz).
void drawViewerUi(ViewerState& state, std::vector<Command>& commands, const std::function<void()>& panels = {},
                  const std::function<void()>& learnItems = {});

}  // namespace myomap::ui
