import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own sign-in, sign-out and session endpoints; they authenticate by design.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
