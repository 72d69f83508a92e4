namespace GraphMtl.Testing; internal static class Placeholder {}
