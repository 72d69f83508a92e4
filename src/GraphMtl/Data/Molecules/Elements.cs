using System.Globalization;

namespace GraphMtl.Data.Molecules;

/// <summary>
/// Element data for Z = 1..118: symbol, standard atomic weight, outer-shell electron count and allowed valences.
/// The weights, outer-electron counts and valence lists are the values of RDKit's periodic table (2022.09), so that
/// the chemprop mass feature and the hybridisation rules match RDKit; a valence list of -1 means "any".
/// </summary>
internal static class Elements
{
    /// <summary>Highest atomic number known.</summary>
    public const int MaxAtomicNumber = 118;

    // "symbol weight outer-electrons valences" for Z = 1..118.
    private static readonly string[] Rows =
    [
        "H 1.008 1 1",
        "He 4.003 2 0",
        "Li 6.941 1 1",
        "Be 9.012 2 2",
        "B 10.812 3 3",
        "C 12.011 4 4",
        "N 14.007 5 3",
        "O 15.999 6 2",
        "F 18.998 7 1",
        "Ne 20.18 8 0",
        "Na 22.99 1 1",
        "Mg 24.305 2 2,-1",
        "Al 26.982 3 3,6",
        "Si 28.086 4 4,6",
        "P 30.974 5 3,5,7",
        "S 32.067 6 2,4,6",
        "Cl 35.453 7 1",
        "Ar 39.948 8 0",
        "K 39.098 1 1",
        "Ca 40.078 2 2,-1",
        "Sc 44.956 3 -1",
        "Ti 47.867 4 -1",
        "V 50.942 5 -1",
        "Cr 51.996 6 -1",
        "Mn 54.938 7 -1",
        "Fe 55.845 8 -1",
        "Co 58.933 9 -1",
        "Ni 58.693 10 -1",
        "Cu 63.546 11 -1",
        "Zn 65.39 2 -1",
        "Ga 69.723 3 3",
        "Ge 72.61 4 4",
        "As 74.922 5 3,5,7",
        "Se 78.96 6 2,4,6",
        "Br 79.904 7 1",
        "Kr 83.8 8 0",
        "Rb 85.468 1 1",
        "Sr 87.62 2 2,-1",
        "Y 88.906 3 -1",
        "Zr 91.224 4 -1",
        "Nb 92.906 5 -1",
        "Mo 95.94 6 -1",
        "Tc 98 7 -1",
        "Ru 101.07 8 -1",
        "Rh 102.906 9 -1",
        "Pd 106.42 10 -1",
        "Ag 107.868 11 -1",
        "Cd 112.412 2 -1",
        "In 114.818 3 3",
        "Sn 118.711 4 2,4",
        "Sb 121.76 5 3,5,7",
        "Te 127.6 6 2,4,6",
        "I 126.904 7 1,3,5",
        "Xe 131.29 8 0,2,4,6",
        "Cs 132.905 1 1",
        "Ba 137.328 2 2,-1",
        "La 138.906 3 -1",
        "Ce 140.116 4 -1",
        "Pr 140.908 3 -1",
        "Nd 144.24 4 -1",
        "Pm 145 5 -1",
        "Sm 150.36 6 -1",
        "Eu 151.964 7 -1",
        "Gd 157.25 8 -1",
        "Tb 158.925 9 -1",
        "Dy 162.5 10 -1",
        "Ho 164.93 11 -1",
        "Er 167.26 12 -1",
        "Tm 168.934 13 -1",
        "Yb 173.04 14 -1",
        "Lu 174.967 15 -1",
        "Hf 178.49 4 -1",
        "Ta 180.948 5 -1",
        "W 183.84 6 -1",
        "Re 186.207 7 -1",
        "Os 190.23 8 -1",
        "Ir 192.217 9 -1",
        "Pt 195.078 10 -1",
        "Au 196.967 11 -1",
        "Hg 200.59 2 -1",
        "Tl 204.383 3 3",
        "Pb 207.2 4 2,4",
        "Bi 208.98 5 3,5,7",
        "Po 209 6 2,4,6",
        "At 210 7 1,3,5",
        "Rn 222 8 0",
        "Fr 223 1 1",
        "Ra 226 2 2,-1",
        "Ac 227 3 -1",
        "Th 232.038 4 -1",
        "Pa 231.036 3 -1",
        "U 238.029 4 -1",
        "Np 237 5 -1",
        "Pu 244 6 -1",
        "Am 243 7 -1",
        "Cm 247 8 -1",
        "Bk 247 9 -1",
        "Cf 251 10 -1",
        "Es 252 11 -1",
        "Fm 257 12 -1",
        "Md 258 13 -1",
        "No 259 14 -1",
        "Lr 262 15 -1",
        "Rf 267 2 -1",
        "Db 268 2 -1",
        "Sg 269 2 -1",
        "Bh 270 2 -1",
        "Hs 269 2 -1",
        "Mt 278 2 -1",
        "Ds 281 2 -1",
        "Rg 281 2 -1",
        "Cn 285 2 -1",
        "Nh 284 2 -1",
        "Fl 289 2 -1",
        "Mc 288 2 -1",
        "Lv 293 2 -1",
        "Ts 292 2 -1",
        "Og 294 2 -1",
    ];

    private static readonly string[] SymbolByZ = new string[MaxAtomicNumber + 1];
    private static readonly double[] WeightByZ = new double[MaxAtomicNumber + 1];
    private static readonly int[] OuterByZ = new int[MaxAtomicNumber + 1];
    private static readonly int[][] ValencesByZ = new int[MaxAtomicNumber + 1][];
    private static readonly Dictionary<string, int> ZBySymbol = new(StringComparer.Ordinal);

    // Exact masses (u) of isotopes seen in drug-like data; other isotopes use their mass number.
    private static readonly Dictionary<(int Z, int A), double> IsotopeMasses = new()
    {
        [(1, 1)] = 1.007825, [(1, 2)] = 2.014102, [(1, 3)] = 3.016049,
        [(6, 11)] = 11.011433, [(6, 12)] = 12.0, [(6, 13)] = 13.003355, [(6, 14)] = 14.003242,
        [(7, 14)] = 14.003074, [(7, 15)] = 15.000109, [(8, 16)] = 15.994915, [(8, 17)] = 16.999132, [(8, 18)] = 17.999160,
        [(9, 18)] = 18.000938, [(9, 19)] = 18.998403, [(15, 32)] = 31.973908, [(16, 35)] = 34.969032,
        [(17, 36)] = 35.968307, [(35, 76)] = 75.924542, [(35, 82)] = 81.916804,
        [(53, 123)] = 122.905589, [(53, 124)] = 123.906210, [(53, 125)] = 124.904630, [(53, 131)] = 130.906125,
        [(43, 99)] = 98.906250, [(27, 57)] = 56.936291, [(27, 60)] = 59.933817,
    };

    static Elements()
    {
        SymbolByZ[0] = "*";
        OuterByZ[0] = 0;
        ValencesByZ[0] = [-1];
        for (int z = 1; z <= MaxAtomicNumber; z++)
        {
            var f = Rows[z - 1].Split(' ');
            SymbolByZ[z] = f[0];
            WeightByZ[z] = double.Parse(f[1], CultureInfo.InvariantCulture);
            OuterByZ[z] = int.Parse(f[2], CultureInfo.InvariantCulture);
            ValencesByZ[z] = Array.ConvertAll(f[3].Split(','), s => int.Parse(s, CultureInfo.InvariantCulture));
            ZBySymbol[f[0]] = z;
        }
    }

    /// <summary>Element symbol ("*" for 0).</summary>
    public static string Symbol(int z) => SymbolByZ[z];

    /// <summary>Atomic number of a capitalised symbol, or -1 when unknown.</summary>
    public static int AtomicNumber(string symbol) => ZBySymbol.TryGetValue(symbol, out int z) ? z : -1;

    /// <summary>Standard atomic weight (0 for the wildcard).</summary>
    public static double Weight(int z) => WeightByZ[z];

    /// <summary>Mass of one atom: the isotope's mass when an isotope is given, else the standard weight.</summary>
    public static double Mass(int z, int isotope)
    {
        if (isotope <= 0) return WeightByZ[z];
        return IsotopeMasses.TryGetValue((z, isotope), out double m) ? m : isotope;
    }

    /// <summary>Outer-shell electrons as RDKit counts them.</summary>
    public static int OuterElectrons(int z) => OuterByZ[z];

    /// <summary>RDKit's allowed valences; <c>[-1]</c> means any.</summary>
    public static int[] Valences(int z) => ValencesByZ[z];

    /// <summary>First allowed valence, -1 for "any".</summary>
    public static int DefaultValence(int z) => ValencesByZ[z][0];

    /// <summary>
    /// Allowed valences of an atom with a formal charge, by the isoelectronic rule for main-group elements of
    /// groups 13–17 (N+ behaves as C, O- as F, C- as N); other charged elements keep their own list.
    /// </summary>
    public static int[] ChargedValences(int z, int charge)
    {
        if (charge == 0 || z < 5) return ValencesByZ[z];
        int outer = OuterByZ[z];
        bool mainGroup = outer is >= 3 and <= 7 && ValencesByZ[z][0] != -1;
        if (!mainGroup) return ValencesByZ[z];
        int effectiveOuter = outer - charge;
        if (effectiveOuter < 3 || effectiveOuter > 7) return [-1];
        // Same row, shifted group: the valences of the isoelectronic neighbour (N+ -> C, S+ -> P, O- -> F...).
        int shifted = z - charge;
        return shifted is >= 1 and <= MaxAtomicNumber ? ValencesByZ[shifted] : [-1];
    }

    /// <summary>True for B, C, N, O, P, S, F, Cl, Br, I: atoms SMILES may write without brackets.</summary>
    public static bool IsOrganicSubset(int z) => z is 5 or 6 or 7 or 8 or 9 or 15 or 16 or 17 or 35 or 53;

    /// <summary>OpenSMILES normal valences of the organic subset, used for implicit hydrogens.</summary>
    public static ReadOnlySpan<int> OrganicValences(int z) => z switch
    {
        5 => [3],
        6 => [4],
        7 => [3, 5],
        8 => [2],
        15 => [3, 5],
        16 => [2, 4, 6],
        9 or 17 or 35 or 53 => [1],
        _ => [],
    };

    /// <summary>RDKit's crude electronegativity order: more outer electrons wins, then the lighter element.</summary>
    public static bool MoreElectronegative(int z1, int z2)
    {
        int n1 = OuterByZ[z1], n2 = OuterByZ[z2];
        return n1 > n2 || (n1 == n2 && z1 < z2);
    }
}
