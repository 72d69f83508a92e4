namespace GraphMtl; internal static class Placeholder {}
