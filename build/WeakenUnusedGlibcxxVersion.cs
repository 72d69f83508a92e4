// Build step: make TorchSharp 0.107's native wrapper load on systems whose libstdc++ predates GCC 13.
//
// libLibTorchSharp.so (built with GCC 15) lists GLIBCXX_3.4.32 as a version need for exactly one symbol,
// std::ios_base_library_init, a marker GCC >= 13 emits for <iostream> that no relocation ever binds.
// glibc refuses to load a library with a missing *non-weak* version need, but only reports a missing weak one.
// So we set VER_FLG_WEAK on that single Vernaux entry in the build-output copy (never in the NuGet cache),
// after checking that no other symbol needs the version. See docs/engine.md and torchsharp-notes.md §6.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (Directory.Build.targets) and, with
// GRAPHMTL_ELF_TESTS defined, into the test project, which checks the patch on a copy of the pristine library.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GraphMtl.Build
{
    /// <summary>What <see cref="ElfVersionPatcher.Patch"/> did to one file.</summary>
    public enum ElfPatchOutcome { Patched, AlreadyPatched, NotNeeded, NotElf64 }

    /// <summary>Reads ELF64 little-endian version sections and weakens one version need.</summary>
    public static class ElfVersionPatcher
    {
        public const string MarkerVersion = "GLIBCXX_3.4.32";
        public const string MarkerSymbol = "_ZSt21ios_base_library_initv";
        public const string StdCxxLibrary = "libstdc++.so.6";
        const uint ShtVerneed = 0x6ffffffe, ShtVerdef = 0x6ffffffd, ShtVersym = 0x6fffffff, ShtDynsym = 11, ShtRela = 4;
        const ushort VerFlgWeak = 0x2;

        sealed class Section { public uint Type; public long Offset; public long Size; public uint Link; public uint Info; public long EntSize; }

        static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);
        static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;

        static string Str(byte[] b, long tableOffset, uint offset)
        {
            long start = tableOffset + offset, end = start;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)start, (int)(end - start));
        }

        static bool IsElf64Le(byte[] b) =>
            b.Length > 0x40 && b[0] == 0x7F && b[1] == (byte)'E' && b[2] == (byte)'L' && b[3] == (byte)'F' && b[4] == 2 && b[5] == 1;

        static List<Section> Sections(byte[] b, string path)
        {
            long shoff = (long)U64(b, 0x28);
            int shentsize = U16(b, 0x3A), shnum = U16(b, 0x3C);
            if (shnum == 0)
                throw new InvalidDataException($"{path}: ELF uses extended section numbering (e_shnum = 0); not supported.");
            var list = new List<Section>(shnum);
            for (int k = 0; k < shnum; k++)
            {
                long h = shoff + (long)k * shentsize;
                list.Add(new Section
                {
                    Type = U32(b, h + 4), Offset = (long)U64(b, h + 24), Size = (long)U64(b, h + 32),
                    Link = U32(b, h + 40), Info = U32(b, h + 44), EntSize = (long)U64(b, h + 56),
                });
            }
            return list;
        }

        /// <summary>True when the library's version definitions (Verdef) include <paramref name="version"/>.</summary>
        public static bool DefinesVersion(string libraryPath, string version)
        {
            byte[] b = File.ReadAllBytes(libraryPath);
            if (!IsElf64Le(b)) return false;
            var sections = Sections(b, libraryPath);
            foreach (var s in sections)
            {
                if (s.Type != ShtVerdef) continue;
                long strtab = sections[(int)s.Link].Offset;
                long vd = s.Offset;
                for (uint i = 0; i < s.Info; i++)
                {
                    uint aux = U32(b, vd + 12), next = U32(b, vd + 16);
                    if (Str(b, strtab, U32(b, vd + aux)) == version) return true;
                    if (next == 0) break;
                    vd += next;
                }
            }
            return false;
        }

        /// <summary>The libstdc++ the dynamic loader would pick on x86-64 Linux, or null when none is found.</summary>
        public static string? FindSystemLibStdCxx()
        {
            foreach (var dir in new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib" })
            {
                string p = Path.Combine(dir, StdCxxLibrary);
                if (File.Exists(p)) return p;
            }
            return null;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on the GLIBCXX_3.4.32 need of libstdc++ in <paramref name="path"/>, in place.
        /// Idempotent. Throws when another symbol than the unreferenced marker needs that version.
        /// </summary>
        public static ElfPatchOutcome Patch(string path)
        {
            byte[] b = File.ReadAllBytes(path);
            if (!IsElf64Le(b)) return ElfPatchOutcome.NotElf64;
            var sections = Sections(b, path);

            long auxOffset = -1; ushort versionIndex = 0;
            foreach (var s in sections)
            {
                if (s.Type != ShtVerneed) continue;
                long strtab = sections[(int)s.Link].Offset;
                long vn = s.Offset;
                for (uint i = 0; i < s.Info && auxOffset < 0; i++)
                {
                    ushort cnt = U16(b, vn + 2);
                    string file = Str(b, strtab, U32(b, vn + 4));
                    long vna = vn + U32(b, vn + 8);
                    for (int j = 0; j < cnt; j++)
                    {
                        if (file == StdCxxLibrary && Str(b, strtab, U32(b, vna + 8)) == MarkerVersion)
                        {
                            auxOffset = vna; versionIndex = (ushort)(U16(b, vna + 6) & 0x7fff);
                            break;
                        }
                        uint nextAux = U32(b, vna + 12);
                        if (nextAux == 0) break;
                        vna += nextAux;
                    }
                    uint next = U32(b, vn + 12);
                    if (next == 0) break;
                    vn += next;
                }
            }
            if (auxOffset < 0) return ElfPatchOutcome.NotNeeded;
            ushort flags = U16(b, auxOffset + 4);
            if ((flags & VerFlgWeak) != 0) return ElfPatchOutcome.AlreadyPatched;

            CheckOnlyMarkerNeedsVersion(b, sections, versionIndex, path);

            flags |= VerFlgWeak;
            b[auxOffset + 4] = (byte)(flags & 0xff);
            b[auxOffset + 5] = (byte)(flags >> 8);
            string tmp = path + ".patching";
            File.WriteAllBytes(tmp, b);
            File.Replace(tmp, path, null); // atomic rename over the original
            return ElfPatchOutcome.Patched;
        }

        // Weakening is only safe when the version guards nothing but the unreferenced marker: otherwise a load-time
        // error would become a run-time crash.
        static void CheckOnlyMarkerNeedsVersion(byte[] b, List<Section> sections, ushort versionIndex, string path)
        {
            Section? versym = sections.Find(s => s.Type == ShtVersym);
            Section? dynsym = sections.Find(s => s.Type == ShtDynsym);
            if (versym == null || dynsym == null)
                throw new InvalidDataException($"{path}: no .gnu.version or .dynsym section; refusing to patch.");
            long strtab = sections[(int)dynsym.Link].Offset;
            long count = dynsym.Size / 24;
            var users = new List<long>();
            for (long k = 0; k < count; k++)
                if ((U16(b, versym.Offset + 2 * k) & 0x7fff) == versionIndex) users.Add(k);

            if (users.Count != 1)
                throw new InvalidDataException($"{path}: expected exactly one symbol needing {MarkerVersion}, found {users.Count}; refusing to patch.");
            long sym = dynsym.Offset + users[0] * 24;
            string name = Str(b, strtab, U32(b, sym));
            if (name != MarkerSymbol || U16(b, sym + 6) != 0)
                throw new InvalidDataException($"{path}: {MarkerVersion} is needed by '{name}', not only by the undefined marker {MarkerSymbol}; refusing to patch.");

            foreach (var rela in sections)
            {
                if (rela.Type != ShtRela || rela.Link >= sections.Count || sections[(int)rela.Link].Type != ShtDynsym) continue;
                for (long o = rela.Offset; o + 24 <= rela.Offset + rela.Size; o += 24)
                    if ((long)(U64(b, o + 8) >> 32) == users[0])
                        throw new InvalidDataException($"{path}: a relocation refers to {MarkerSymbol}; refusing to patch.");
            }
        }
    }

#if !GRAPHMTL_ELF_TESTS
    /// <summary>MSBuild task: patches every libLibTorchSharp.so under the given folders when the system needs it.</summary>
    public class WeakenUnusedGlibcxxVersion : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public string[] Folders { get; set; } = Array.Empty<string>();

        public override bool Execute()
        {
            var files = new List<string>();
            foreach (var folder in Folders)
                if (Directory.Exists(folder))
                    files.AddRange(Directory.GetFiles(folder, "libLibTorchSharp.so", SearchOption.AllDirectories));
            if (files.Count == 0) return true;

            string? libstdcxx = ElfVersionPatcher.FindSystemLibStdCxx();
            if (libstdcxx != null && ElfVersionPatcher.DefinesVersion(libstdcxx, ElfVersionPatcher.MarkerVersion))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low,
                    $"GraphMtl: {libstdcxx} provides {ElfVersionPatcher.MarkerVersion}; libLibTorchSharp.so left as shipped.");
                return true;
            }
            foreach (var f in files)
            {
                try
                {
                    var outcome = ElfVersionPatcher.Patch(f);
                    Log.LogMessage(outcome == ElfPatchOutcome.Patched ? Microsoft.Build.Framework.MessageImportance.High
                                                                      : Microsoft.Build.Framework.MessageImportance.Low,
                        $"GraphMtl: {f}: {outcome} (system libstdc++ lacks {ElfVersionPatcher.MarkerVersion}).");
                }
                catch (Exception e)
                {
                    Log.LogError($"GraphMtl: cannot make {f} loadable: {e.Message}");
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
