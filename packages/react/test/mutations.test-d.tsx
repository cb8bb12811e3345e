// Every mutation hook, table-style: data is the operation's answer, variables its path params and input.
import type { UseMutationResult } from '@tanstack/react-query';
import type { EventData, MiniMaxError, Output, UploadData } from '@useapi-minimax/client';
import { describe, expectTypeOf, it } from 'vitest';
import {
  createMusicMutationOptions,
  useCreateAccount,
  useDeleteAccount,
  useCreateVideo,
  useCreateAgentVideo,
  useCancelVideo,
  useDeleteVideo,
  useCreateImages,
  useDeleteImage,
  useUploadFile,
  useDeleteFile,
  useDeleteScheduledJob,
  useRunAgent,
  useCreateMusicLegacy,
  useCreateMusic,
  useDeleteAudio,
  useCreateAudioMp3,
  useCreateAudioStream,
  useUploadAudioSample,
  useCloneAudioVoice,
  useDeleteAudioVoice,
  useCreateSpeech,
  useDeleteSpeech,
  useSendLlmMessage,
  useDeleteLlmChats,
  type CreateAccountVariables,
  type DeleteAccountVariables,
  type CreateVideoVariables,
  type CreateAgentVideoVariables,
  type CancelVideoVariables,
  type DeleteVideoVariables,
  type CreateImagesVariables,
  type DeleteImageVariables,
  type UploadFileVariables,
  type DeleteFileVariables,
  type DeleteScheduledJobVariables,
  type RunAgentVariables,
  type CreateMusicLegacyVariables,
  type CreateMusicVariables,
  type DeleteAudioVariables,
  type CreateAudioMp3Variables,
  type CreateAudioStreamVariables,
  type UploadAudioSampleVariables,
  type CloneAudioVoiceVariables,
  type DeleteAudioVoiceVariables,
  type CreateSpeechVariables,
  type DeleteSpeechVariables,
  type SendLlmMessageVariables,
  type DeleteLlmChatsVariables,
} from '../src/index.js';

describe('mutation hooks', () => {
  it('data: the answer, error: MiniMaxError, variables: path params and input', () => {
    expectTypeOf(useCreateAccount()).toEqualTypeOf<UseMutationResult<Output<'createAccount'>, MiniMaxError, CreateAccountVariables, unknown>>();
    expectTypeOf(useDeleteAccount()).toEqualTypeOf<UseMutationResult<Output<'deleteAccount'>, MiniMaxError, DeleteAccountVariables, unknown>>();
    expectTypeOf(useCreateVideo()).toEqualTypeOf<UseMutationResult<Output<'createVideo'>, MiniMaxError, CreateVideoVariables, unknown>>();
    expectTypeOf(useCreateAgentVideo()).toEqualTypeOf<UseMutationResult<EventData<'createAgentVideo'> | undefined, MiniMaxError, CreateAgentVideoVariables, unknown>>();
    expectTypeOf(useCancelVideo()).toEqualTypeOf<UseMutationResult<Output<'cancelVideo'>, MiniMaxError, CancelVideoVariables, unknown>>();
    expectTypeOf(useDeleteVideo()).toEqualTypeOf<UseMutationResult<Output<'deleteVideo'>, MiniMaxError, DeleteVideoVariables, unknown>>();
    expectTypeOf(useCreateImages()).toEqualTypeOf<UseMutationResult<Output<'createImages'>, MiniMaxError, CreateImagesVariables, unknown>>();
    expectTypeOf(useDeleteImage()).toEqualTypeOf<UseMutationResult<Output<'deleteImage'>, MiniMaxError, DeleteImageVariables, unknown>>();
    expectTypeOf(useUploadFile()).toEqualTypeOf<UseMutationResult<Output<'uploadFile'>, MiniMaxError, UploadFileVariables, unknown>>();
    expectTypeOf(useDeleteFile()).toEqualTypeOf<UseMutationResult<Output<'deleteFile'>, MiniMaxError, DeleteFileVariables, unknown>>();
    expectTypeOf(useDeleteScheduledJob()).toEqualTypeOf<UseMutationResult<Output<'deleteScheduledJob'>, MiniMaxError, DeleteScheduledJobVariables, unknown>>();
    expectTypeOf(useRunAgent()).toEqualTypeOf<UseMutationResult<Output<'runAgent'>, MiniMaxError, RunAgentVariables, unknown>>();
    expectTypeOf(useCreateMusicLegacy()).toEqualTypeOf<UseMutationResult<Output<'createMusicLegacy'>, MiniMaxError, CreateMusicLegacyVariables, unknown>>();
    expectTypeOf(useCreateMusic()).toEqualTypeOf<UseMutationResult<Output<'createMusic'>, MiniMaxError, CreateMusicVariables, unknown>>();
    expectTypeOf(useDeleteAudio()).toEqualTypeOf<UseMutationResult<Output<'deleteAudio'>, MiniMaxError, DeleteAudioVariables, unknown>>();
    expectTypeOf(useCreateAudioMp3()).toEqualTypeOf<UseMutationResult<Output<'createAudioMp3'>, MiniMaxError, CreateAudioMp3Variables, unknown>>();
    expectTypeOf(useCreateAudioStream()).toEqualTypeOf<UseMutationResult<Output<'createAudioStream'>, MiniMaxError, CreateAudioStreamVariables, unknown>>();
    expectTypeOf(useUploadAudioSample()).toEqualTypeOf<UseMutationResult<Output<'uploadAudioSample'>, MiniMaxError, UploadAudioSampleVariables, unknown>>();
    expectTypeOf(useCloneAudioVoice()).toEqualTypeOf<UseMutationResult<Output<'cloneAudioVoice'>, MiniMaxError, CloneAudioVoiceVariables, unknown>>();
    expectTypeOf(useDeleteAudioVoice()).toEqualTypeOf<UseMutationResult<Output<'deleteAudioVoice'>, MiniMaxError, DeleteAudioVoiceVariables, unknown>>();
    expectTypeOf(useCreateSpeech()).toEqualTypeOf<UseMutationResult<Output<'createSpeech'>, MiniMaxError, CreateSpeechVariables, unknown>>();
    expectTypeOf(useDeleteSpeech()).toEqualTypeOf<UseMutationResult<Output<'deleteSpeech'>, MiniMaxError, DeleteSpeechVariables, unknown>>();
    expectTypeOf(useSendLlmMessage()).toEqualTypeOf<UseMutationResult<Output<'sendLlmMessage'>, MiniMaxError, SendLlmMessageVariables, unknown>>();
    expectTypeOf(useDeleteLlmChats()).toEqualTypeOf<UseMutationResult<Output<'deleteLlmChats'>, MiniMaxError, DeleteLlmChatsVariables, unknown>>();
  });

  it('variables are typed from the spec', () => {
    expectTypeOf<DeleteVideoVariables>().toEqualTypeOf<{ videoId: string }>();
    expectTypeOf<UploadFileVariables>().toMatchTypeOf<{ data: UploadData }>();
    expectTypeOf<CreateMusicVariables>().not.toHaveProperty('stream');
    const create = useCreateMusic();
    create.mutate({ prompt: 'a song', title: 'x' });
    // @ts-expect-error prompt is required
    create.mutate({ title: 'x' });
    // @ts-expect-error the hooks never stream (use the client for that)
    create.mutate({ prompt: 'a song', stream: true });
    // createVideo has no required field: mutate() works without variables
    useCreateVideo().mutate();
  });

  it('callbacks are typed; the hook owns mutationFn and mutationKey; skipCacheUpdate is an option', () => {
    useDeleteVideo({
      skipCacheUpdate: true,
      onMutate: (variables) => ({ previous: variables.videoId }),
      onSuccess: (data, variables, onMutateResult) => {
        expectTypeOf(data).toEqualTypeOf<Output<'deleteVideo'>>();
        expectTypeOf(variables).toEqualTypeOf<{ videoId: string }>();
        expectTypeOf(onMutateResult).toEqualTypeOf<{ previous: string }>();
      },
      onError: (error) => expectTypeOf(error).toEqualTypeOf<MiniMaxError>(),
    });
    useCreateAgentVideo({ onEvent: (video) => expectTypeOf(video).toEqualTypeOf<EventData<'createAgentVideo'>>() });
    // @ts-expect-error the hook owns mutationFn
    useCreateMusic({ mutationFn: async () => ({}) });
    expectTypeOf(createMusicMutationOptions({} as never).mutationKey).toMatchTypeOf<readonly ['useapi-minimax', 'music', 'createMusic']>();
  });
});
