#version 330 core
// The benchmark's floor: one flat colour.
out vec4 fragColor;
void main() { fragColor = vec4(0.75, 0.55, 0.50, 1.0); }
