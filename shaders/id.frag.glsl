#version 330 core
// The id pass for picking: each surface writes its id, 0 being nothing.
uniform uint uId;
out uint fragId;

void main() { fragId = uId; }
