import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Awaits a use-case, turning its not_found error into Next's 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
