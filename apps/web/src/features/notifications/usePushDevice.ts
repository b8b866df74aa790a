import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "../../app/session";
import { notificationKeys } from "./api";
import { readPushState, requestPushPermission, subscribeThisDevice, unsubscribeThisDevice } from "./push";

export const pushDeviceKey = ["push-device"] as const;

/**
 * Push on this device: the browser's state (re-read when the window regains focus, since the
 * permission can change in the browser's settings) and the two actions. `enable` must be called
 * from a click: it asks for the permission before anything else is awaited.
 */
export function usePushDevice() {
  const queryClient = useQueryClient();
  const { session } = useSession();
  const state = useQuery({ queryKey: pushDeviceKey, queryFn: readPushState, staleTime: 0, retry: false });
  const settle = () => {
    void queryClient.invalidateQueries({ queryKey: pushDeviceKey });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.preferences });
  };
  const subscribe = useMutation({
    mutationFn: (permission: Promise<NotificationPermission>) => subscribeThisDevice(session?.account.id ?? "", permission),
    onSettled: settle,
  });
  const unsubscribe = useMutation({ mutationFn: unsubscribeThisDevice, onSettled: settle });
  return {
    state: state.data,
    enable: () => {
      unsubscribe.reset();
      subscribe.mutate(requestPushPermission());
    },
    disable: () => {
      subscribe.reset();
      unsubscribe.mutate();
    },
    subscribe,
    unsubscribe,
    busy: subscribe.isPending || unsubscribe.isPending,
  };
}
