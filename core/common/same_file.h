#pragma once
// Output paths aimed at input files: a command must never replace a file it reads. Two paths name the same
// file when they reach the same device and inode — through "../", symbolic links and hard links alike. A
// folder input (a Hugging Face model) stands for every file directly inside it.

#include <string>
#include <vector>

namespace qx {

/// A path given to a command and the option that gave it ("--plan", "MODEL", "-o").
struct NamedPath {
    std::string option;
    std::string path;
};

/// True when both paths exist and are the same file (device and inode).
bool sameFile(const std::string& a, const std::string& b);

/// Throws Error(InvalidArgument) naming the output when an output is one of the inputs (or a file directly
/// inside an input folder), or when two outputs are the same file. Empty paths are ignored.
void refuseOutputOverInput(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs);

} // namespace qx
