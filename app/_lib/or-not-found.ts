import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** Awaits a use-case, turning its not_found and forbidden errors into Next's 404 and 403 pages. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    if (isAppError(error) && error.code === "forbidden") forbidden();
    throw error;
  }
}
