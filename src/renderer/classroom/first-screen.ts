// The first screen of the page: the classroom's routes (?teach, ?class=CODE, ?project=CODE) or the title.
import type { Screen } from '../ui/app.ts'
import { classJoinScreen } from '../ui/screens/class-join.ts'
import { classProjectorScreen } from '../ui/screens/class-projector.ts'
import { classSetupScreen } from '../ui/screens/class-teacher-setup.ts'
import { classTeacherScreen } from '../ui/screens/class-teacher.ts'
import { classRoute } from './routes.ts'

export function classScreenFor(search: string): Screen | null {
  const route = classRoute(search)
  if (!route) return null
  if (route.kind === 'teach') return route.code ? classTeacherScreen(route.code) : classSetupScreen()
  if (route.kind === 'project') return classProjectorScreen(route.code)
  return classJoinScreen(route.code, true)
}
